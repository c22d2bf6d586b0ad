// Escaping text for markup: HTML pages (web/view.cc) and the XML parts of a DOCX
// (review/docx_parts.cc). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace nq {

// `s` with & < > " ' as entities (&amp; &lt; &gt; &quot; &#39;), safe in element text and in
// quoted attribute values of HTML and XML; the C0 control characters other than tab, line feed
// and carriage return, which XML 1.0 does not allow, are dropped. Bytes >= 0x80 (UTF-8) pass
// as they are.
std::string EscapeMarkup(std::string_view s);

}  // namespace nq
