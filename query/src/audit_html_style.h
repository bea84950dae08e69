// The stylesheet of the HTML audit report (inlined: the page loads nothing).
#ifndef EVKB_QUERY_AUDIT_HTML_STYLE_H_
#define EVKB_QUERY_AUDIT_HTML_STYLE_H_

namespace query {

// CSS for the classes render_html.cc writes: k-<kind> on highlights, cards
// and legend items; .tip popovers shown on hover and focus (a click).
extern const char kAuditHtmlStyle[];

}  // namespace query

#endif  // EVKB_QUERY_AUDIT_HTML_STYLE_H_
