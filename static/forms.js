/* Edit forms: searchable multi-selects (Tom Select) and adding a venue or a person in place,
   without leaving the form and so without losing what was typed. Without JavaScript the
   selects stay native and the "new" links open the directory form in a new tab. */
(function () {
  "use strict";
  var csrf = document.querySelector("input[name=csrf_token]");
  var pickers = new Map();

  document.querySelectorAll("select.searchable").forEach(function (select) {
    if (!window.TomSelect) { return; }
    var label = document.querySelector("label[for='" + select.id + "']");
    // Tom Select points the label at its own input; the hidden select keeps a name too.
    select.setAttribute("aria-label", label ? label.textContent.trim() : select.name);
    pickers.set(select, new TomSelect(select, {
      plugins: ["remove_button"], maxOptions: 60, hideSelected: true,
      closeAfterSelect: false, create: false
    }));
  });
  document.querySelectorAll(".hint.no-js").forEach(function (hint) {
    if (window.TomSelect) { hint.hidden = true; }
  });

  function addInPlace(select) {
    var data = select.dataset;
    var link = select.parentElement.querySelector("a.add-entry");
    var panel = document.createElement("span");
    panel.className = "add-panel";
    panel.hidden = true;
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "text";
    input.id = select.id + "-new";
    label.htmlFor = input.id;
    label.textContent = data.addLabel;
    var save = document.createElement("button");
    save.type = "button";
    save.textContent = data.addSave;
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "link";
    cancel.textContent = data.addCancel;
    var problem = document.createElement("span");
    problem.className = "error";
    problem.setAttribute("role", "alert");
    panel.append(label, input, save, cancel, problem);
    var open = document.createElement("button");
    open.type = "button";
    open.className = "link add-open";
    open.textContent = "+ " + data.addLabel;
    link.replaceWith(open, panel);

    open.addEventListener("click", function () {
      panel.hidden = false;
      open.hidden = true;
      input.focus();
    });
    function close() {
      panel.hidden = true;
      open.hidden = false;
      input.value = "";
      problem.textContent = "";
      open.focus();
    }
    cancel.addEventListener("click", close);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); save.click(); }
      if (event.key === "Escape") { close(); }
    });
    save.addEventListener("click", function () {
      var body = new FormData();
      body.append("csrf_token", csrf.value);
      body.append(data.addName, input.value);
      fetch(data.addUrl, {method: "POST", body: body, credentials: "same-origin"})
        .then(function (response) {
          return response.json().then(function (answer) { return [response.ok, answer]; });
        })
        .then(function (result) {
          var answer = result[1];
          if (!result[0]) {
            problem.textContent = Object.values(answer.errors || {}).flat().join(" ");
            return;
          }
          var picker = pickers.get(select);
          var id = String(answer.id);
          if (picker) {
            picker.addOption({value: id, text: answer.label});
            picker.addItem(id);
          } else {
            select.append(new Option(answer.label, id, true, true));
          }
          close();
        });
    });
  }

  document.querySelectorAll("select[data-add-url]").forEach(addInPlace);
}());
