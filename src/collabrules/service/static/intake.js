// The web intake: validates answers as they are typed, asks the server for the case
// (POST /v1/intake), merges any perception scores into it (POST /v1/survey/merge),
// evaluates it (POST /v1/evaluate) and shows the HTML report.
// Served by the package; it talks to this server only.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("intake-data").textContent);
  const t = data.messages;
  const lang = data.lang;
  const form = document.getElementById("intake");
  const status = document.getElementById("form-status");
  const result = document.getElementById("result");
  let current = null; // {body, type, caseText, caseName, id}

  function headers(extra) {
    const found = Object.assign({"Accept-Language": lang}, extra || {});
    const token = document.getElementById("token");
    if (token && token.value) found.Authorization = "Bearer " + token.value;
    return found;
  }

  function fields() {
    return Array.from(form.querySelectorAll("[name]"));
  }

  function errorOf(field) {
    return document.getElementById(field.id + "-error");
  }

  function setError(field, message) {
    errorOf(field).textContent = message || "";
    if (message) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  }

  function format(message, value) {
    return message.replace("{value}", value);
  }

  function check(field) {
    const value = field.value.trim();
    const required = field.required || (field.dataset.required === "true" && !field.disabled);
    if (field.disabled) return setError(field, "");
    if (!value) return setError(field, required ? t.required : "");
    if (field.pattern && !new RegExp("^(?:" + field.pattern + ")$").test(value)) {
      const key = field.getAttribute("inputmode") === "decimal" ? "bad_number" : "bad_id";
      return setError(field, format(t[key], value));
    }
    setError(field, "");
  }

  function follow() {
    for (const field of fields()) {
      const after = field.dataset.after;
      if (!after) continue;
      const lead = form.querySelector('[name="' + after + '"]');
      const open = Boolean(lead && lead.value.trim() && !lead.disabled);
      field.disabled = !open;
      if (!open) setError(field, "");
    }
  }

  function answers() {
    const found = {};
    for (const field of fields()) {
      found[field.name] = field.disabled || !field.value.trim() ? null : field.value.trim();
    }
    return found;
  }

  function say(message, details) {
    status.textContent = message;
    if (details && details.length) {
      const list = document.createElement("ul");
      for (const line of details) {
        const item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      }
      status.appendChild(list);
    }
  }

  async function problemOf(response) {
    try {
      return await response.json();
    } catch (error) {
      return {title: t.failed + " (" + response.status + ")"};
    }
  }

  function keyOf(path) {
    const found = /^\$\.answers\["([^"]+)"\]/.exec(path || "");
    return found ? found[1] : null;
  }

  // The perceptions step as an answers document (as `collabrules survey --template`),
  // one entry per party with at least one score; parties[0] is "us", parties[1] "them".
  function perceptionAnswers(parties) {
    const step = document.getElementById("perceptions");
    const found = {};
    for (const set of step.querySelectorAll("fieldset[data-side]")) {
      const party = parties[set.dataset.side === "us" ? 0 : 1];
      const byStatement = {};
      const scores = [];
      for (const select of set.querySelectorAll("select[data-statement]")) {
        if (!select.value) continue;
        const id = select.dataset.statement;
        if (!byStatement[id]) {
          byStatement[id] = {statement: id};
          scores.push(byStatement[id]);
        }
        byStatement[id][select.dataset.about] = Number(select.value);
      }
      if (!party || !scores.length) continue;
      const value = (name) => set.querySelector('[data-perception="' + name + '"]').value.trim();
      found[party.id] = {respondent: {name: value("name"), role: value("role")},
                         date: value("date") || null, answers: scores};
    }
    return Object.keys(found).length
      ? {questionnaire_version: step.dataset.version, parties: found} : null;
  }

  async function evaluate(fmt) {
    const response = await fetch("/v1/evaluate?format=" + fmt + "&lang=" + lang, {
      method: "POST", body: current.body,
      headers: headers({"Content-Type": current.type}),
    });
    if (!response.ok) throw await problemOf(response);
    return fmt === "json" ? JSON.stringify((await response.json()).report, null, 2) + "\n"
                          : await response.text();
  }

  function showReport(html) {
    const page = new DOMParser().parseFromString(html, "text/html");
    const host = document.getElementById("report");
    const root = host.shadowRoot || host.attachShadow({mode: "open"});
    const styles = Array.from(page.querySelectorAll("style")).map((s) => s.outerHTML).join("");
    root.innerHTML = styles + page.body.innerHTML;
    result.hidden = false;
    document.getElementById("result-title").focus();
  }

  async function report() {
    say(t.working);
    try {
      showReport(await evaluate("html"));
      say("");
    } catch (problem) {
      say(problem.title || t.failed, (problem.errors || []).map((e) => e.detail));
    }
  }

  form.addEventListener("input", (event) => {
    if (event.target.name) check(event.target);
    follow();
  });
  form.addEventListener("change", () => follow());

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    follow();
    fields().forEach(check);
    const invalid = fields().filter((f) => f.getAttribute("aria-invalid") === "true");
    if (invalid.length) {
      say(t.fix);
      invalid[0].focus();
      return;
    }
    const response = await fetch("/v1/intake?lang=" + lang, {
      method: "POST", body: JSON.stringify({answers: answers()}),
      headers: headers({"Content-Type": "application/json"}),
    });
    if (!response.ok) {
      const problem = await problemOf(response);
      const loose = [];
      for (const error of problem.errors || []) {
        const key = keyOf(error.path);
        const field = key && form.querySelector('[name="' + key + '"]');
        if (field) setError(field, error.message);
        else loose.push(error.detail);
      }
      say(problem.title || t.failed, loose);
      const first = form.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
      return;
    }
    const made = await response.json();
    current = {body: JSON.stringify(made.case), type: "application/json",
               caseText: made.case_yaml, caseName: (made.case.id || "case") + ".yaml",
               id: made.case.id || "case"};
    const perceptions = perceptionAnswers(made.case.parties || []);
    if (perceptions) {
      const merged = await fetch("/v1/survey/merge?lang=" + lang, {
        method: "POST", body: JSON.stringify({case: made.case, answers: perceptions}),
        headers: headers({"Content-Type": "application/json", "Accept": "application/yaml"}),
      });
      if (!merged.ok) {
        const problem = await problemOf(merged);
        say(problem.title || t.failed, (problem.errors || []).map((e) => e.detail));
        return;
      }
      const text = await merged.text();
      current = Object.assign(current, {body: text, type: "application/yaml", caseText: text});
    }
    await report();
  });

  document.getElementById("upload").addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = document.getElementById("case-file").files[0];
    if (!file) return;
    const text = await file.text();
    const json = /\.json$/i.test(file.name);
    current = {body: text, type: json ? "application/json" : "application/yaml",
               caseText: text, caseName: file.name,
               id: file.name.replace(/\.(ya?ml|json)$/i, "")};
    await report();
  });

  function save(text, name, type) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], {type: type}));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  const SUFFIX = {html: ["-report.html", "text/html"], markdown: ["-report.md", "text/markdown"],
                  json: ["-report.json", "application/json"]};

  result.addEventListener("click", async (event) => {
    const kind = event.target.dataset && event.target.dataset.download;
    if (!kind || !current) return;
    if (kind === "case") {
      save(current.caseText, current.caseName, current.type);
      return;
    }
    try {
      save(await evaluate(kind), current.id + SUFFIX[kind][0], SUFFIX[kind][1]);
    } catch (problem) {
      say(problem.title || t.failed);
    }
  });

  follow();
})();
