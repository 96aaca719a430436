// whatsapp-web.js drives the system's Chromium (CHROMIUM_PATH); installing the project
// must not download a browser.
module.exports = { skipDownload: true };
