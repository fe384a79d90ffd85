"""Interactive API docs at ``/docs`` that work offline.

FastAPI's own ``/docs`` page loads Swagger UI from a CDN. Here Swagger UI's files come
from the ``swagger-ui-bundle-v2`` package (its ``swagger_ui_bundle`` module) and are
served by the app itself under ``/docs/assets``. Without that package, ``/docs`` is a
small page of this module's own, built in the browser from ``/openapi.json``: every
endpoint with its parameters and a form to try it. Neither page loads anything from
outside the server.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import logging
import re
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

log = logging.getLogger(__name__)

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"


def swagger_ui_folder() -> Path | None:
    """The folder of Swagger UI's files shipped by ``swagger_ui_bundle``, if installed."""
    if importlib.util.find_spec("swagger_ui_bundle") is None:
        return None
    vendor = Path(str(resources.files("swagger_ui_bundle") / "vendor"))
    if not vendor.is_dir():
        return None
    for folder in sorted(vendor.glob("swagger-ui-*"), reverse=True):
        if (folder / "swagger-ui-bundle.js").is_file() and (folder / "swagger-ui.css").is_file():
            return folder
    return None


def add_docs(app: FastAPI, title: str) -> None:
    """Serve the docs page at ``/docs`` (the app must be built with ``docs_url=None``)."""
    openapi_url = app.openapi_url or "/openapi.json"
    folder = swagger_ui_folder()
    if folder is not None:
        app.mount(ASSETS_URL, StaticFiles(directory=folder), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path", "")).rstrip("/")
        if folder is None:
            return _with_policy(_fallback_page(title, root + openapi_url))
        page = get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{title} - API docs",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": True},
        )
        return _with_policy(bytes(page.body).decode("utf-8"))


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _with_policy(html: str) -> HTMLResponse:
    """The page with a Content-Security-Policy that allows its own inline scripts (by
    their hashes) and files from this server, nothing else; it cannot be framed."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(html)
    )
    policy = (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


def _fallback_page(title: str, openapi_url: str) -> str:
    return _FALLBACK.replace("__TITLE__", _escape(title)).replace(
        "__OPENAPI__", _escape(openapi_url)
    )


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


# Everything the browser shows is set with textContent (never innerHTML), so text from
# the schema or from answers is never read as markup.
_FALLBACK = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__ - API docs</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 62em; padding: 0 1em; }
section { border: 1px solid #ccd; border-radius: 6px; margin: 1em 0; padding: .6em 1em; }
h2 { font-size: 1.05em; margin: .2em 0; font-family: ui-monospace, monospace; }
.method { background: #246; color: #fff; border-radius: 3px; padding: 0 .4em; margin-right: .5em; }
label { display: block; margin: .2em 0; font-family: ui-monospace, monospace; }
label input { margin-left: .5em; width: 22em; }
small { color: #555; font-family: system-ui, sans-serif; }
pre { background: #f4f4f8; padding: .6em; max-height: 24em; overflow: auto; }
</style>
</head>
<body data-openapi="__OPENAPI__">
<h1>__TITLE__</h1>
<p>Every endpoint of this API, from <a href="__OPENAPI__">the OpenAPI document</a>.
GET endpoints can be tried here.</p>
<div id="endpoints"></div>
<script>
"use strict";
function el(tag, text) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  return e;
}
function render(spec) {
  const root = document.getElementById("endpoints");
  for (const [path, ops] of Object.entries(spec.paths || {})) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el("section");
      const head = el("h2");
      head.append(el("span", method.toUpperCase()), path);
      head.firstChild.className = "method";
      box.append(head, el("p", op.summary || ""));
      if (op.description) box.append(el("p", op.description));
      const form = el("form");
      const params = op.parameters || [];
      for (const p of params) {
        const label = el("label", p.name + (p.required ? " *" : ""));
        const input = el("input");
        input.name = p.name; input.dataset.in = p.in;
        label.append(input, el("small", " " + (p.description || "")));
        form.append(label);
      }
      const out = el("pre");
      if (method === "get") {
        const button = el("button", "Try it");
        form.append(button);
        form.addEventListener("submit", async (event) => {
          event.preventDefault();
          let url = path;
          const query = new URLSearchParams();
          for (const input of form.querySelectorAll("input")) {
            if (!input.value) continue;
            const value = encodeURIComponent(input.value);
            if (input.dataset.in === "path") url = url.replace("{" + input.name + "}", value);
            else for (const v of input.value.split("|")) query.append(input.name, v);
          }
          const qs = query.toString();
          const response = await fetch(url + (qs ? "?" + qs : ""));
          const text = await response.text();
          let shown = text;
          try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
          out.textContent = response.status + " " + response.statusText + "\\n" + shown;
        });
      }
      box.append(form, out);
      root.append(box);
    }
  }
}
fetch(document.body.dataset.openapi).then((r) => r.json()).then(render).catch((e) => {
  document.getElementById("endpoints").textContent = "Cannot load the OpenAPI document: " + e;
});
</script>
</body>
</html>
"""
