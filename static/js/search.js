// magbuild: the search page's client. It reads the index the build wrote under search/
// (index.json, then only the group, shard and fragment files a query needs) and shows
// results as you type. Words are folded and stemmed exactly as the build does (see the
// Search module: SearchText and GermanStemmer); the page works without this script (the
// form shows links to browse instead).
(() => {
  const form = document.querySelector("[data-search]");
  if (!form) return;
  const base = form.dataset.index;
  const input = form.elements.q;
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const more = document.querySelector("[data-search-more]");
  const filters = form.querySelector("[data-search-filters]");
  const PAGE = 10, PREFIX_SHARDS = 2, PREFIX_TERMS = 24, DATE_POOL = 50;

  // ---- text: words, folding and CISTEM stemming, as the build does ----
  const WORD = /[\p{L}\p{N}\p{M}]+/gu;
  const fold = (word) => {
    let out = "";
    for (const ch of word.normalize("NFKD").toLowerCase().replace(/\p{M}/gu, "").replace(/ß/g, "ss")) {
      if (ch === "e" && /[aou]$/.test(out)) continue;
      out += ch;
    }
    return out;
  };
  const group = (units, pair, code) => {
    const out = [];
    for (let i = 0; i < units.length; i++) {
      if (units[i] === pair[0] && units[i + 1] === pair[1]) { out.push(code); i++; } else out.push(units[i]);
    }
    return out;
  };
  const stem = (word, capitalized) => {
    let letters = Array.from(word);
    if (letters.length >= 6 && letters[0] === "g" && letters[1] === "e") letters = letters.slice(2);
    let units = [];
    for (let i = 0; i < letters.length; i++) {
      if (letters[i] === "s" && letters[i + 1] === "c" && letters[i + 2] === "h") { units.push("sch"); i += 2; } else units.push(letters[i]);
    }
    units = group(group(units, ["e", "i"], "ei"), ["i", "e"], "ie");
    const paired = [];
    for (let i = 0; i < units.length; i++) {
      if (i + 1 < units.length && units[i] === units[i + 1]) { paired.push("*" + units[i]); i++; } else paired.push(units[i]);
    }
    units = paired;
    const width = (u) => (u[0] === "*" ? 2 : 1);
    let length = units.reduce((sum, u) => sum + width(u), 0);
    const endsWith = (a, b) => units.length >= 2 && units[units.length - 2] === a && units[units.length - 1] === b;
    while (length > 3) {
      const last = units[units.length - 1];
      if (length > 5 && (endsWith("e", "m") || endsWith("e", "r") || endsWith("n", "d"))) { units.length -= 2; length -= 2; }
      else if ((!capitalized && last === "t") || last === "e" || last === "s" || last === "n") { units.length -= 1; length -= 1; }
      else break;
    }
    return units.map((u) => (u[0] === "*" ? u.slice(1) + u.slice(1) : u)).join("");
  };
  const term = (word) => stem(fold(word), /^\p{Uppercase}/u.test(word));
  // The index leaves out the commonest words (index.json's stopWords, folded); so do queries.
  let stopWords = new Set();
  const terms = (text) => (text.match(WORD) || []).flatMap((word) => {
    const folded = fold(word);
    return folded && !stopWords.has(folded) ? [stem(folded, /^\p{Uppercase}/u.test(word))] : [];
  });

  // ---- the index files ----
  const files = new Map();
  const load = (path, fresh) => {
    if (!files.has(path)) {
      files.set(path, fetch(base + path, fresh ? { cache: "no-cache" } : {}).then((r) => {
        if (!r.ok) throw new Error(path);
        return r.json();
      }));
    }
    return files.get(path);
  };
  const directory = () => load("index.json", true);
  const fragment = (id) => load(`fragment/${id}.json`);

  // The entries of `word`'s term: itself, and (for compounds and typing) longer terms that start with it.
  const entries = async (word) => {
    const dir = await directory();
    const letter = Array.from(word)[0];
    if (!dir.groups[letter]) return [];
    const shards = await load(`group/${dir.groups[letter]}.json`);
    let prefix = Array.from(word);
    while (prefix.length && !(prefix.join("") in shards)) prefix.pop();
    const names = prefix.length ? [shards[prefix.join("")]] : [];
    if (word.length >= 3) {
      for (const key in shards) {
        if (names.length > PREFIX_SHARDS) break;
        if (key.startsWith(word) && !names.includes(shards[key])) names.push(shards[key]);
      }
    }
    const found = [];
    const prefixed = [];
    for (const shard of await Promise.all(names.map((name) => load(`shard/${name}.json`)))) {
      for (const key in shard) {
        if (key === word) found.push({ term: key, entry: shard[key], weight: 1 });
        else if (word.length >= 3 && key.startsWith(word)) prefixed.push({ term: key, entry: shard[key], weight: 0.5 });
      }
    }
    prefixed.sort((a, b) => b.entry[0] - a.entry[0]);
    return found.concat(prefixed.slice(0, PREFIX_TERMS));
  };

  // Ranks documents with BM25, each field saturated on its own: a match in the title counts
  // three times one in the body (however often there), the teaser's one and a half.
  const saturate = (tf) => (tf * 2.2) / (tf + 1.2);
  const rank = async (query, full) => {
    const dir = await directory();
    const average = Math.pow(1.25, dir.meanBucket);
    const scores = new Map();
    const perWord = await Promise.all(query.map(entries));
    let partial = false;
    for (const [w, found] of perWord.entries()) {
      for (const { entry, weight } of found) {
        const [df, head, rest] = entry;
        let postings = head;
        if (rest) {
          if (full) postings = head.concat(await load(`more/${rest}.json`));
          else partial = true;
        }
        const idf = Math.log(1 + (dir.documents - df + 0.5) / (df + 0.5));
        for (const [id, title, teaser, body, bucket, boost = 1] of postings) {
          const tf = body / (0.25 + 0.75 * Math.pow(1.25, bucket) / average);
          const score = idf * (3 * saturate(title) + 1.5 * saturate(teaser) + saturate(tf)) * boost * weight;
          const hit = scores.get(id) || { id, words: new Array(query.length).fill(0), titles: new Array(query.length).fill(false) };
          hit.words[w] = Math.max(hit.words[w], score);
          hit.titles[w] ||= title > 0;
          scores.set(id, hit);
        }
      }
    }
    // Documents with more of the query's words first, then those with more of them in the title.
    const hits = [...scores.values()].map((hit) => ({
      id: hit.id, matched: hit.words.filter((s) => s > 0).length, titled: hit.titles.filter(Boolean).length,
      score: hit.words.reduce((a, b) => a + b, 0),
    }));
    hits.sort((a, b) => b.matched - a.matched || b.titled - a.titled || b.score - a.score || (a.id < b.id ? -1 : 1));
    return { hits, partial };
  };

  // ---- results ----
  const highlight = (element, text, query) => {
    let last = 0;
    for (const match of text.matchAll(WORD)) {
      const t = term(match[0]);
      if (!query.some((q) => t === q || (q.length >= 3 && t.startsWith(q)))) continue;
      element.append(text.slice(last, match.index));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      element.append(mark);
      last = match.index + match[0].length;
    }
    element.append(text.slice(last));
  };
  const dateText = (day) => {
    const [y, m, d] = day.split("-");
    return y ? `${Number(d)}.${Number(m)}.${y}` : "";
  };
  const show = (doc, query) => {
    const item = document.createElement("li");
    item.className = "search__result";
    const meta = document.createElement("p");
    meta.className = "search__meta";
    meta.textContent = [doc.kicker, doc.section, dateText(doc.date)].filter(Boolean).join(" · ");
    const heading = document.createElement("h2");
    heading.className = "search__title";
    const link = document.createElement("a");
    link.href = doc.url;
    highlight(link, doc.title, query);
    heading.append(link);
    const teaser = document.createElement("p");
    teaser.className = "search__teaser";
    highlight(teaser, doc.teaser, query);
    item.append(meta, heading, teaser);
    if (doc.authors.length) {
      const by = document.createElement("p");
      by.className = "search__authors";
      by.textContent = "Von " + doc.authors.join(", ");
      item.append(by);
    }
    list.append(item);
  };

  let run = 0;
  let state = null;
  const wanted = (doc) =>
    (!form.elements.section.value || doc.section === form.elements.section.value) &&
    (!form.elements.author.value || doc.authors.includes(form.elements.author.value));

  // Shows the next page of results of the current search.
  const page = async (mine) => {
    const { query, order } = state;
    let shown = 0;
    while (shown < PAGE) {
      if (state.next >= state.hits.length) {
        if (state.partial && !state.full) {
          const ranked = await rank(query, true);
          if (mine !== run) return;
          Object.assign(state, { hits: ranked.hits, partial: false, full: true });
          if (order === "date") await byDate(mine);
          continue;
        }
        break;
      }
      const batch = state.hits.slice(state.next, state.next + PAGE);
      state.next += batch.length;
      const docs = await Promise.all(batch.map((hit) => fragment(hit.id)));
      if (mine !== run) return;
      for (const doc of docs) {
        if (!wanted(doc)) continue;
        show(doc, query);
        shown++;
        state.shown++;
      }
    }
    const none = state.shown === 0;
    status.textContent = none ? `Keine Treffer für „${state.text}“.` : `${state.shown} Treffer für „${state.text}“ angezeigt.`;
    more.hidden = state.next >= state.hits.length && !(state.partial && !state.full);
  };

  // The best matches by date: the first DATE_POOL by relevance, newest first.
  const byDate = async (mine) => {
    const pool = state.hits.slice(0, DATE_POOL);
    const docs = await Promise.all(pool.map((hit) => fragment(hit.id)));
    if (mine !== run) return;
    const dated = pool.map((hit, i) => ({ hit, date: docs[i].date }));
    dated.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    state.hits = dated.map((d) => d.hit);
  };

  const search = async () => {
    const mine = ++run;
    const text = input.value.trim();
    const params = new URLSearchParams(location.search);
    if (text) params.set("q", text); else params.delete("q");
    history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
    list.textContent = "";
    more.hidden = true;
    if (!text) { status.textContent = ""; return; }
    status.textContent = "Suche …";
    try {
      stopWords = new Set((await directory()).stopWords);
      const query = [...new Set(terms(text))];
      if (mine !== run) return;
      if (!query.length) { status.textContent = `Keine Treffer für „${text}“.`; return; }
      const ranked = await rank(query, false);
      if (mine !== run) return;
      state = { text, query, order: form.elements.order.value, hits: ranked.hits, partial: ranked.partial, full: false, next: 0, shown: 0 };
      if (state.order === "date") await byDate(mine);
      await page(mine);
    } catch {
      if (mine === run) status.textContent = "Die Suche ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.";
    }
  };

  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 150); });
  form.addEventListener("change", (event) => { if (event.target !== input) search(); });
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); search(); });
  more.addEventListener("click", () => page(run));
  document.querySelector("[data-search-fallback]").hidden = true;
  filters.hidden = false;
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(); }
  window.magbuildSearch = { terms };
})();
