/* The search page: runs the query in ?q= (and as the reader types) with Pagefind, in the browser.
   Results are built as DOM nodes: excerpts keep only their text and Pagefind's <mark> highlights.
   The kind of each result (essay, source, event, place, page) is in its metadata, so when the reader
   narrows the kinds, every result is loaded to read it. Without JavaScript the page says where to
   browse instead. */
(function () {
  "use strict";

  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector(".search-form__input");
  var types = form.querySelector(".search-form__types");
  var status = document.getElementById("search-status");
  var list = document.querySelector(".search-results");
  var more = document.querySelector(".search-more");
  var BATCH = 10;
  var TYPING_PAUSE = 300;
  var NAME_LANGUAGES = ["es", "ja"];
  var loading = null;
  var results = [];
  var shown = 0;
  var latest = 0;
  var timer = null;
  var pageTitle = document.title;

  function boxes() {
    return Array.prototype.slice.call(types.querySelectorAll("input[type=checkbox]"));
  }

  function checked() {
    return boxes().filter(function (box) { return box.checked; });
  }

  /* The kinds of result asked for, or null for all of them. */
  function chosenTypes() {
    var chosen = checked();
    return chosen.length === boxes().length ? null : chosen.map(function (box) { return box.value; });
  }

  function say(text) {
    status.textContent = text;
  }

  function load() {
    if (!loading) {
      loading = import(new URL(form.getAttribute("data-pagefind"), document.baseURI).href)
        .then(function (pagefind) {
          return pagefind.options({ excerptLength: 24 }).then(function () { return pagefind; });
        })
        .catch(function () {
          say("Search could not start. It works when the exhibit is served from a web server, " +
              "not opened as files from a folder.");
          return null;
        });
    }
    return loading;
  }

  /* The query in the address (so it can be shared, reloaded or kept in history) and in the title. */
  function remember(term) {
    document.title = term ? "“" + term + "” — " + pageTitle : pageTitle;
    var params = new URLSearchParams();
    if (term) params.set("q", term);
    (chosenTypes() || []).forEach(function (type) { params.append("type", type); });
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  /* Pagefind's excerpt is HTML: keep its text and its <mark> highlights, nothing else. */
  function appendExcerpt(html, into) {
    var template = document.createElement("template");
    template.innerHTML = html;
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* A place's names in other languages (metadata name_es, name_ja), each marked with its language. */
  function otherNames(meta) {
    var names = NAME_LANGUAGES.filter(function (lang) { return meta["name_" + lang]; });
    if (!names.length) return null;
    var line = element("p", "search-result__names");
    names.forEach(function (lang, n) {
      if (n) line.append(" · ");
      var name = element("span", null, meta["name_" + lang]);
      name.lang = lang;
      line.appendChild(name);
    });
    return line;
  }

  /* Where a result leads. An event or a place is part of a page: its address (from the site root,
     which holds the pagefind/ folder) is in its metadata. */
  function address(data) {
    if (!data.meta.url) return data.url;
    var root = new URL("../", new URL(form.getAttribute("data-pagefind"), document.baseURI));
    var to = new URL(data.meta.url.replace(/^\//, ""), root);
    return to.pathname + to.hash;  // as Pagefind writes the addresses of pages
  }

  function resultItem(data) {
    var item = element("li", "search-result");
    var heading = element("h2", "search-result__title");
    var link = element("a", null, data.meta.title || data.url);
    link.href = address(data);
    // A page written in another language (lang), or a source titled in its own (title_lang).
    if (data.meta.title_lang || data.meta.lang) link.lang = data.meta.title_lang || data.meta.lang;
    heading.appendChild(link);
    var kind = [data.meta.type || "Page", data.meta.date].filter(Boolean).join(" · ");
    var excerpt = element("p", "search-result__excerpt");
    if (data.meta.lang) excerpt.lang = data.meta.lang;
    appendExcerpt(data.excerpt, excerpt);
    item.append(heading, element("p", "search-result__type", kind));
    var names = otherNames(data.meta);
    if (names) item.appendChild(names);
    item.appendChild(excerpt);
    var long = data.meta.type === "Essay" || data.meta.type === "Page";
    var sections = (long && data.sub_results || []).filter(function (sub) {
      return sub.anchor && sub.url !== data.url && sub.title !== data.meta.title;
    }).slice(0, 3);
    if (sections.length) {
      var within = element("ul", "search-result__sections");
      sections.forEach(function (sub) {
        var entry = element("li");
        var to = element("a", null, sub.title);
        to.href = sub.url;
        entry.append("In the section ", to);
        within.appendChild(entry);
      });
      item.appendChild(within);
    }
    return item;
  }

  function showMore(moveFocus) {
    var ticket = latest;
    var batch = results.slice(shown, shown + BATCH);
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (found) {
      if (ticket !== latest) return;
      var items = found.map(resultItem);
      items.forEach(function (item) { list.appendChild(item); });
      shown += items.length;
      list.hidden = shown === 0;
      more.hidden = shown >= results.length;
      if (moveFocus && items.length) items[0].querySelector("a").focus();
    });
  }

  /* The results of the kinds asked for, each with its data() as Pagefind gives it. */
  function ofChosenKinds(found) {
    var kinds = chosenTypes();
    if (!kinds) return Promise.resolve(found);
    return Promise.all(found.map(function (result) { return result.data(); })).then(function (all) {
      return all.filter(function (data) { return kinds.indexOf(data.meta.type) !== -1; }).map(function (data) {
        return { data: function () { return Promise.resolve(data); } };
      });
    });
  }

  function summary(term, count) {
    var among = chosenTypes() ? " among " + checked().map(function (box) {
      return box.parentNode.textContent.trim().toLowerCase();
    }).join(", ") : "";
    if (!count) return "No results for “" + term + "”" + among + ". Try fewer or other words.";
    return count + (count === 1 ? " result" : " results") + " for “" + term + "”" + among + ".";
  }

  function run() {
    var term = input.value.trim();
    var ticket = ++latest;
    clearTimeout(timer);
    remember(term);
    results = [];
    shown = 0;
    if (!term || !checked().length) {
      list.textContent = "";
      list.hidden = more.hidden = true;
      say(term ? "Choose at least one kind of result to show." : "");
      return Promise.resolve();
    }
    return load().then(function (pagefind) {
      return pagefind && ticket === latest ? pagefind.search(term) : null;
    }).then(function (search) {
      return search && ticket === latest ? ofChosenKinds(search.results) : null;
    }).then(function (found) {
      if (!found || ticket !== latest) return;
      results = found;
      list.textContent = "";
      return showMore(false).then(function () {  // announce the count once the first results are there
        if (ticket === latest) say(summary(term, results.length));
      });
    });
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  var asked = params.getAll("type");
  if (asked.length) boxes().forEach(function (box) { box.checked = asked.indexOf(box.value) !== -1; });
  types.hidden = false;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE);
  });
  types.addEventListener("change", run);
  more.querySelector("button").addEventListener("click", function () { showMore(true); });

  input.addEventListener("focus", load);
  if (input.value) run();
})();
