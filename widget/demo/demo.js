// The host page's own button opens the chat through the widget's small JS API.
document.querySelectorAll("[data-open-chat]").forEach((button) => {
  button.addEventListener("click", () => window.Resursguiden && window.Resursguiden.open());
});
