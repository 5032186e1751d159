"""CSL rules citeproc-py 0.11 does not follow, put right on its classes at import.

* Substituted variables are suppressed in the rest of the entry. citeproc-py suppresses a variable
  only when ``<substitute>`` names it directly; MLA, APA and Chicago substitute a *macro* (the title,
  or the newspaper for an unsigned article), so a work without an author printed its title twice.
  Here every variable the substituting macro rendered is suppressed.
* ``<name initialize="false">`` keeps given names whole although the style sets ``initialize-with``
  (MLA 9 writes "Fedarko, Kevin", not "Fedarko, K.").
* Title case leaves "v." of a case name and the particles of Spanish, Portuguese, French, Dutch and
  German names lowercase, as CSL 1.0.2's stop words and Chicago (8.159) do: "Chavín de Huántar",
  "Pulido Valdera v. Peru".
"""
from __future__ import annotations

from citeproc.model import Name, Names, Substitute, Text, TextCased, VariableError

_render_variable = Text._variable
_initialize = Name.initialize


def _recorded_variable(self, item, context):
    """Text's variable lookup, noting each variable it renders while a substitute records."""
    text = _render_variable(self, item, context)
    recording = getattr(context.get_layout(), "substituted", None)
    if text and recording is not None:
        recording.append((self.tag, self.get("variable")))
    return text


def _render_substitute(self, item, context=None, **kwargs):
    """The first child that renders; it and every variable it rendered are suppressed after it."""
    layout = context.get_layout()
    outer = getattr(layout, "substituted", None)
    for child in self.getchildren():
        layout.substituted = []
        try:
            if isinstance(child, Names) and child.name is None:
                names = self.xpath_search("./parent::cs:names[1]")[0]
                text = child.render(item, names_context=names, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except VariableError:
            continue
        finally:
            rendered, layout.substituted = layout.substituted, outer
        if text:
            self.add_to_repressed_list(child, context)
            for tag, variable in rendered:
                layout.repressed.setdefault(tag, []).append(variable)
            if outer is not None:
                outer.extend(rendered)
            return text
    return None


def _initialize_unless_false(self, given, mark, context):
    if self.get("initialize") == "false":
        return given
    return _initialize(self, given, mark, context)


Text._variable = _recorded_variable
Substitute.render = _render_substitute
Name.initialize = _initialize_unless_false
TextCased._stop_words = TextCased._stop_words + ["v.", "vs.", "de", "del", "la", "los", "las", "da", "do", "dos",
                                                 "du", "des", "van", "von", "y"]
