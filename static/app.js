/* The few behaviours of the organiser pages; served as a file so the CSP needs no inline script. */
document.addEventListener("submit", function (event) {
  var message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

document.addEventListener("DOMContentLoaded", function () {
  var copy = document.getElementById("copy-news");
  if (!copy) {
    return;
  }
  copy.addEventListener("click", function () {
    var title = document.getElementById("title"), body = document.getElementById("body");
    var text = (title ? title.value : copy.dataset.title) + "\n\n" + body.value;
    navigator.clipboard.writeText(text).then(function () {
      document.getElementById("copy-status").textContent = copy.dataset.copied;
    });
  });
});
