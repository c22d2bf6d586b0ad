#include "review/docx_parts.h"

#include <utility>

#include "common/escape.h"

namespace nq::review::docx {
namespace {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kOfficeRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string Attr(const char* name, int value) {
  return std::string(" ") + name + "=\"" + std::to_string(value) + "\"";
}

std::string RunProperties(const RunFormat& f) {
  std::string s = "<w:rPr><w:rFonts w:ascii=\"";
  s += kFont;
  s += "\" w:hAnsi=\"";
  s += kFont;
  s += "\" w:eastAsia=\"";
  s += kFont;
  s += "\" w:cs=\"";
  s += kFont;
  s += "\"/>";
  if (f.bold) s += "<w:b/><w:bCs/>";
  if (f.italic) s += "<w:i/><w:iCs/>";
  s += "<w:sz" + Attr("w:val", f.size) + "/><w:szCs" + Attr("w:val", f.size) + "/>";
  if (f.underline) s += "<w:u w:val=\"single\"/>";
  s += "</w:rPr>";
  return s;
}

std::string ContentTypesXml() {
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  auto over = [](const std::string& part, const std::string& type) {
    return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
  };
  return std::string(kXmlDecl) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
         over("/word/document.xml", wml + "document.main+xml") +
         over("/word/styles.xml", wml + "styles+xml") +
         over("/word/settings.xml", wml + "settings+xml") +
         over("/word/header1.xml", wml + "header+xml") +
         over("/word/header2.xml", wml + "header+xml") +
         over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
         over("/docProps/app.xml",
              "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
         "</Types>";
}

// A relationships part; each entry is {id, type (full URI), target}.
std::string RelsXml(const std::vector<std::vector<std::string>>& rels) {
  std::string s = std::string(kXmlDecl) + "<Relationships xmlns=\"" + kRelNs + "\">";
  for (const auto& r : rels) {
    s += "<Relationship Id=\"" + r[0] + "\" Type=\"" + r[1] + "\" Target=\"" + r[2] + "\"/>";
  }
  return s + "</Relationships>";
}

std::string PackageRelsXml() {
  return RelsXml({
      {"rId1", std::string(kOfficeRel) + "officeDocument", "word/document.xml"},
      {"rId2",
       "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
       "docProps/core.xml"},
      {"rId3", std::string(kOfficeRel) + "extended-properties", "docProps/app.xml"},
  });
}

std::string DocumentRelsXml() {
  return RelsXml({
      {"rId1", std::string(kOfficeRel) + "styles", "styles.xml"},
      {"rId2", std::string(kOfficeRel) + "settings", "settings.xml"},
      {kFirstHeaderId, std::string(kOfficeRel) + "header", "header1.xml"},
      {kPageHeaderId, std::string(kOfficeRel) + "header", "header2.xml"},
  });
}

std::string ParagraphStyle(const char* id, const char* name, const std::string& body) {
  return std::string("<w:style w:type=\"paragraph\" w:styleId=\"") + id + "\"><w:name w:val=\"" +
         name + "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" + body +
         "</w:style>";
}

// The paragraphs state their own formatting; the styles give the same defaults (for text typed
// into the document later) and the outline levels of the headings.
std::string StylesXml() {
  const std::string font = std::string("<w:rFonts w:ascii=\"") + kFont + "\" w:hAnsi=\"" + kFont +
                           "\" w:eastAsia=\"" + kFont + "\" w:cs=\"" + kFont + "\"/>";
  auto heading = [](int level) {
    return "<w:pPr><w:keepNext/><w:jc w:val=\"left\"/><w:outlineLvl" + Attr("w:val", level) +
           "/></w:pPr><w:rPr><w:b/><w:bCs/>" + (level == 2 ? "<w:i/><w:iCs/>" : "") + "</w:rPr>";
  };
  return std::string(kXmlDecl) + "<w:styles xmlns:w=\"" + kNsW + "\">" +
         "<w:docDefaults><w:rPrDefault><w:rPr>" + font + "<w:sz" + Attr("w:val", kBodySize) +
         "/><w:szCs" + Attr("w:val", kBodySize) +
         "/><w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "</w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/><w:spacing" +
         Attr("w:after", kBodyAfter) + Attr("w:line", kLineMultiple115) +
         " w:lineRule=\"auto\"/><w:ind" + Attr("w:firstLine", kFirstLineIndent) +
         "/><w:jc w:val=\"both\"/></w:pPr></w:style>" +
         ParagraphStyle("Heading1", "heading 1", heading(0)) +
         ParagraphStyle("Heading2", "heading 2", heading(1)) +
         ParagraphStyle("Heading3", "heading 3", heading(2)) +
         ParagraphStyle("Header", "header",
                        "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                        "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>") +
         "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
         "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
         "<w:unhideWhenUsed/></w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
         "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
         "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
         "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style>"
         "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\">"
         "<w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
         "<w:unhideWhenUsed/></w:style></w:styles>";
}

std::string SettingsXml() {
  return std::string(kXmlDecl) + "<w:settings xmlns:w=\"" + kNsW +
         "\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
         "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
         "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/"
         "office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"vi-VN\"/>"
         "</w:settings>";
}

// Page headers: the first page has none; the others the page number, centred, 13 pt.
std::string HeaderXml(bool page_number) {
  std::string runs;
  if (page_number) {
    const std::string rpr = RunProperties(RunFormat{.size = 26});
    runs = "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + rpr +
           "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>" + rpr +
           "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>" + rpr + "<w:t>2</w:t></w:r><w:r>" +
           rpr + "<w:fldChar w:fldCharType=\"end\"/></w:r>";
  }
  const ParaFormat p{.style = "Header", .align = "center"};
  return std::string(kXmlDecl) + "<w:hdr xmlns:w=\"" + kNsW +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
         ParaXml(p, runs, RunFormat{.size = 26}) + "</w:hdr>";
}

std::string CoreXml(const Document& doc) {
  std::string title = doc.header.doc_type;
  for (const std::string& line : doc.header.summary) title += " " + line;
  return std::string(kXmlDecl) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
         EscapeMarkup(title) + "</dc:title><dc:creator>" + EscapeMarkup(doc.header.issuing_body) +
         "</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>";
}

std::string AppXml() {
  return std::string(kXmlDecl) +
         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "extended-properties\"><Application>nqtrack</Application></Properties>";
}

}  // namespace

std::string RunXml(std::string_view text, const RunFormat& f) {
  std::string content;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\t') continue;
    if (i > start) {
      const std::string piece = EscapeMarkup(text.substr(start, i - start));
      if (!piece.empty()) content += "<w:t xml:space=\"preserve\">" + piece + "</w:t>";
    }
    if (i < text.size()) content += text[i] == '\n' ? "<w:br/>" : "<w:tab/>";
    start = i + 1;
  }
  if (content.empty()) return "";
  return "<w:r>" + RunProperties(f) + content + "</w:r>";
}

std::string ParaXml(const ParaFormat& p, std::string_view runs, const RunFormat& mark) {
  std::string s = "<w:p><w:pPr>";
  if (p.style != nullptr) s += std::string("<w:pStyle w:val=\"") + p.style + "\"/>";
  if (p.keep_next) s += "<w:keepNext/>";
  if (p.bottom_rule) {
    s += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/>"
         "</w:pBdr>";
  }
  s += "<w:spacing" + Attr("w:before", p.before) + Attr("w:after", p.after) +
       Attr("w:line", p.line) + " w:lineRule=\"auto\"/>";
  s += "<w:ind" + Attr("w:left", p.left) + Attr("w:right", p.right) +
       (p.first_line < 0 ? Attr("w:hanging", -p.first_line) : Attr("w:firstLine", p.first_line)) +
       "/>";
  s += std::string("<w:jc w:val=\"") + p.align + "\"/>";
  s += RunProperties(mark) + "</w:pPr>";
  s += runs;
  return s + "</w:p>";
}

std::vector<Part> PackageParts(const Document& doc) {
  std::vector<Part> parts;
  parts.push_back({"[Content_Types].xml", ContentTypesXml()});
  parts.push_back({"_rels/.rels", PackageRelsXml()});
  parts.push_back({"docProps/core.xml", CoreXml(doc)});
  parts.push_back({"docProps/app.xml", AppXml()});
  parts.push_back({"word/_rels/document.xml.rels", DocumentRelsXml()});
  parts.push_back({"word/document.xml", DocumentXml(doc)});
  parts.push_back({"word/styles.xml", StylesXml()});
  parts.push_back({"word/settings.xml", SettingsXml()});
  parts.push_back({"word/header1.xml", HeaderXml(false)});
  parts.push_back({"word/header2.xml", HeaderXml(true)});
  return parts;
}

}  // namespace nq::review::docx
