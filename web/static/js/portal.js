// "Mijn traject": reads a score item aloud with the browser's own speech
// synthesis (no sound is downloaded). The button shows only where the
// browser can speak.
(function () {
  'use strict';
  if (!('speechSynthesis' in window)) return;
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-speak]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        window.speechSynthesis.cancel();
        var utterance = new SpeechSynthesisUtterance(button.getAttribute('data-speak'));
        utterance.lang = document.documentElement.lang || 'nl';
        utterance.rate = 0.9;
        window.speechSynthesis.speak(utterance);
      });
    });
  });
})();
