// magbuild: comment order and relative dates; the page works without it
(() => {
  const list = document.querySelector(".comment-threads"), box = document.querySelector(".comment-order");
  if (!list || !box) return;
  const sec = list.closest("section"), items = [...list.children], buttons = [];
  const t = li => Date.parse(li.dataset.date) || 0, r = li => +li.dataset.rating || 0;
  const orders = { oldest: (a, b) => t(a) - t(b), newest: (a, b) => t(b) - t(a), best: (a, b) => r(b) - r(a) || t(a) - t(b) };
  const names = { oldest: "Älteste", newest: "Neueste", best: "Beste" };
  const show = (o, sort) => {
    if (sort) items.slice().sort((a, b) => orders[o](a, b) || items.indexOf(a) - items.indexOf(b)).forEach(li => list.append(li));
    for (const b of buttons) b.setAttribute("aria-pressed", b.dataset.order === o);
  };
  box.append("Sortieren: ");
  for (const o in orders) {
    const b = Object.assign(document.createElement("button"), { type: "button", textContent: names[o], onclick: () => show(o, true) });
    b.dataset.order = o;
    buttons.push(b);
    box.append(b, " ");
  }
  show(sec && orders[sec.dataset.order] ? sec.dataset.order : "oldest");
  box.hidden = false;
  const now = new Date(), day = d => new Date(d).setHours(0, 0, 0, 0);
  const n = (x, one, many) => "vor " + (x < 2 ? one : Math.floor(x) + " " + many);
  const ago = when => {
    const m = (now - when) / 6e4, d = Math.round((day(now) - day(when)) / 864e5);
    return !(m >= 0) ? "" : m < 1 ? "gerade eben" : m < 60 ? n(m, "einer Minute", "Minuten")
      : d < 1 ? n(m / 60, "einer Stunde", "Stunden") : d == 1 ? "gestern" : d < 31 ? n(d, "einem Tag", "Tagen")
      : d < 365 ? n(d / 30.44, "einem Monat", "Monaten") : n(d / 365.25, "einem Jahr", "Jahren");
  };
  for (const el of list.querySelectorAll("time[datetime]")) {
    const s = ago(Date.parse(el.getAttribute("datetime")));
    if (s) el.parentNode.after(Object.assign(document.createElement("span"), { className: "comment__ago", textContent: el.title = s }));
  }
})();
