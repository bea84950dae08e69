# Sources of `evkb-query audit` and its renderers, added to evkb_query by
# query/CMakeLists.txt (paths are relative to query/).
set(EVKB_AUDIT_SOURCES
  src/audit.cc
  src/audit_kind.cc
  src/audit_evidence.cc
  src/audit_util.cc
  src/audit_render_json.cc
  src/audit_render_text.cc
  src/audit_html_style.cc
  src/render_html.cc
  src/render_claimreview.cc
  src/cmd_audit.cc
)
