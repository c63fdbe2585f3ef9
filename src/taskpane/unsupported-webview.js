/*
 * Runs before the add-in's bundles, in ES5 only, so that it parses in Internet Explorer 11. Office on
 * Windows gives an add-in with <Runtimes> the IE11 webview (Trident) whenever WebView2 is missing
 * ("Browsers and webview controls used by Office Add-ins"); older builds use the old Edge (EdgeHTML).
 * Neither runs the ES2022 bundles, so without this the user sees a blank pane. When the engine is one
 * of those, or lacks what the bundles need, this replaces the page with a plain message naming the
 * Excel versions that work. In any other engine it does nothing.
 */
(function (window, document) {
  "use strict";

  var TITLE = "This version of Excel cannot run HK Monthly Return Reconciler";

  // the requirement sets come from manifest.xml and src/taskpane/requirements.ts; the versions
  // that carry them from Microsoft's requirement-set tables
  var WORKING = [
    "Excel for Microsoft 365 on Windows, Version 2002 or later, with the Microsoft Edge WebView2 Runtime",
    "Excel 2021 or later on Windows, with the Microsoft Edge WebView2 Runtime",
    "Excel on the web, in a current browser (Microsoft Edge, Chrome, Firefox or Safari)",
    "Excel on Mac, Version 16.35 or later",
  ];

  /** Returns why this engine cannot run the add-in, or "" when it can. */
  function unsupportedReason() {
    var agent = (window.navigator && window.navigator.userAgent) || "";
    if (document.documentMode || agent.indexOf("Trident/") !== -1) {
      return "Excel opened the add-in in Internet Explorer 11, which cannot run it.";
    }
    // EdgeHTML says "Edge/18..."; the current Edge, built on Chromium, says "Edg/"
    if (/\bEdge\/\d/.test(agent)) {
      return "Excel opened the add-in in the old Microsoft Edge (EdgeHTML), which cannot run it.";
    }
    // what the bundles use: Promise.any stands for ES2021 (its syntax, such as ??=, has no
    // feature test that a Content-Security-Policy without eval allows); custom elements for
    // the Fluent UI components
    var missing =
      typeof window.Promise !== "function" ||
      typeof window.Promise.any !== "function" ||
      typeof window.Symbol !== "function" ||
      typeof window.Map !== "function" ||
      typeof Object.fromEntries !== "function" ||
      typeof Array.prototype.flatMap !== "function" ||
      typeof String.prototype.matchAll !== "function" ||
      !window.customElements;
    return missing ? "Excel opened the add-in in a browser engine too old to run it." : "";
  }

  /** Appends a new element with plain text (never HTML) and inline styles; returns it. */
  function add(parent, tag, text, style) {
    var element = document.createElement(tag);
    if (text) element.appendChild(document.createTextNode(text));
    if (style) element.style.cssText = style;
    parent.appendChild(element);
    return element;
  }

  /** Replaces the page's content with the message. */
  function show(reason) {
    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    body.style.cssText =
      "margin:0;padding:20px;font-family:'Segoe UI',Arial,sans-serif;font-size:14px;" +
      "line-height:1.45;color:#242424;background:#ffffff";
    var page = add(body, "main", "", "max-width:480px");
    page.id = "unsupported-webview";
    page.setAttribute("role", "alert");
    add(page, "h1", TITLE, "font-size:18px;font-weight:600;margin:0 0 12px");
    add(page, "p", reason, "margin:0 0 12px");
    add(page, "p", "The add-in works in:", "margin:0 0 4px");
    var list = add(page, "ul", "", "margin:0 0 12px;padding-left:20px");
    for (var i = 0; i < WORKING.length; i++) add(list, "li", WORKING[i], "margin:0 0 4px");
    add(
      page,
      "p",
      "It needs the Excel API 1.9 and the shared runtime 1.1 (requirement sets ExcelApi 1.9 and " +
        "SharedRuntime 1.1). On Windows, install the Microsoft Edge WebView2 Runtime (your IT " +
        "department can), then restart Excel. Nothing in your workbook has been changed.",
      "margin:0;color:#424242"
    );
    document.title = TITLE;
  }

  var reason = unsupportedReason();
  if (reason) show(reason);
})(window, document);
