// The index: every edition and its languages, newest first. Only ids and
// language codes are shown; manifest text reaches the browser inside PDFs only.

function item(entry) {
  const li = document.createElement("li");
  const id = document.createElement("span");
  id.className = "id";
  id.textContent = entry.id;
  li.append(id);
  for (const lang of entry.languages) {
    const a = document.createElement("a");
    a.href = `#/${entry.id}/${lang}`;
    a.textContent = lang === "fr" ? "Français" : lang === "en" ? "English" : lang;
    li.append(a);
  }
  return li;
}

function draw(main, entries) {
  if (!entries.length) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "No editions yet: add editions/<YYYY-MM>/fr.yaml or en.yaml.";
    main.replaceChildren(p);
    return;
  }
  const list = document.createElement("ul");
  list.className = "editions";
  list.append(...entries.map(item));
  main.replaceChildren(list);
}

/** Shows the index in `main` and keeps it current; returns a function that stops it. */
export function showIndex(main, status) {
  status.textContent = "";
  status.className = "status";
  const events = new EventSource("/events");
  events.addEventListener("editions", (e) => draw(main, JSON.parse(e.data)));
  fetch("/api/editions")
    .then((r) => r.json())
    .then((entries) => draw(main, entries))
    .catch((err) => {
      status.textContent = `Could not list editions: ${err.message}`;
      status.className = "status bad";
    });
  return () => events.close();
}
