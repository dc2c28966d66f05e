// Enhancements of the admin screens. Every screen works without this file; with it, some steps
// happen in the page instead of a round trip to the server.
(function () {
  'use strict';

  // The page editor's library chooser: "Add to page" appends the chosen item's entry (written by
  // the server into the option) to the media list at once, keeping the caret, scroll and every
  // unsaved word as they are. An item without an entry (a long transcript, captions to read)
  // still goes to the server, which adds it the same way.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[name="action"][value="add-media"]');
    if (!button) {
      return;
    }
    var select = document.getElementById('library-item');
    var media = document.getElementById('media');
    var option = select && select.selectedOptions.length ? select.selectedOptions[0] : null;
    if (!option || !option.dataset.entry || !media) {
      return;
    }
    event.preventDefault();
    var text = media.value;
    if (text.trim() === '') {
      text = '';
    } else if (text.charAt(text.length - 1) !== '\n') {
      text += '\n';
    }
    media.value = text + option.dataset.entry;
    media.dispatchEvent(new Event('input', { bubbles: true }));
    select.value = '';
    var status = document.getElementById('library-status');
    if (status) {
      status.textContent = button.dataset.added || '';
    }
  });
})();
