"""Reading {% map %} arguments."""
import pytest

from exhibit.embeds import Embed, EmbedError
from map.directive import MapRequest, parse_map_embed


def test_places_in_order_and_an_optional_caption():
    request = parse_map_embed(Embed("map", {"places": "residence,cordon, talks-house", "caption": " The street "}, 4))
    assert request == MapRequest(("residence", "cordon", "talks-house"), "The street")
    assert parse_map_embed(Embed("map", {"places": "tokyo"}, 1)).caption is None


@pytest.mark.parametrize("args, message, hint", [
    ({}, "a map needs places=", "list place keys from places.yaml: places=residence,cordon"),
    ({"places": "a,b,a"}, "place 'a' is listed twice", "list each place once"),
    ({"places": "a", "captoin": "x"}, "unknown argument 'captoin' (a map takes: places, caption)",
     "did you mean 'caption'?"),
    ({"places": "Residence"}, "'Residence' is not a place key", None),
])
def test_mistakes_raise_with_a_hint(args, message, hint):
    with pytest.raises(EmbedError) as info:
        parse_map_embed(Embed("map", args, 1))
    assert str(info.value) == message
    if hint:
        assert info.value.hint == hint
