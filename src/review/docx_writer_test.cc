#include "review/docx_writer.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace nq::review::docx_writer_test {
namespace {

using Parts = std::map<std::string, std::string>;

// A mid-term review as the review model would give it (trimmed).
Document SampleReport() {
  Document d;
  d.header = {"ĐẢNG BỘ TỈNH BẾN TRE",
              "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP",
              "Số 25-BC/ĐUK",
              "Bến Tre, ngày 17 tháng 5 năm 2023",
              "BÁO CÁO",
              {"sơ kết giữa nhiệm kỳ thực hiện Nghị quyết", "Đại hội Đảng bộ Khối lần thứ XIII"}};
  d.body.push_back(Heading(BlockKind::kHeading1, "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT"));
  d.body.push_back(Heading(BlockKind::kHeading2, "1. Công tác quán triệt, triển khai"));
  d.body.push_back(Paragraph(
      "Ngay sau Đại hội, Ban Thường vụ Đảng ủy Khối đã ban hành kế hoạch quán triệt, triển khai "
      "thực hiện Nghị quyết; 100% tổ chức cơ sở đảng xây dựng chương trình hành động."));
  d.body.push_back(Heading(BlockKind::kHeading3, "a) Thu & chi ngân sách"));
  d.body.push_back(Paragraph({Run{"Thu & chi <tăng>"}, Run{" so với cùng kỳ; ", false, false},
                              Run{"đạt 96,5%", true, false}, Run{" dự toán.", false, true}}));
  Table t;
  t.header = {"TT",
              "Chỉ tiêu",
              "Đơn vị tính",
              "Mục tiêu Nghị quyết",
              "Kết quả năm 2022",
              "So với Nghị quyết",
              "Đánh giá"};
  t.widths = {0.6, 3.4, 1, 1.2, 1.2, 1.2, 1.5};
  t.rows = {
      {{"1"},
       {"Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên"},
       {"%"},
       {"≥ 90", true},
       {"92,3", true},
       {"102,6%", true},
       {"ĐẠT", false, true}},
      {{"2"},
       {"Kết nạp đảng viên mới"},
       {"đảng viên"},
       {"≥ 1.000", true},
       {"612", true},
       {"61,2%", true},
       {"ĐÚNG TIẾN ĐỘ"}},
      {{"3"},
       {"Tỷ lệ đảng viên được học tập, quán triệt nghị quyết"},
       {"%"},
       {"100", true},
       {"98,7", true},
       {"98,7%", true},
       {"CHẬM TIẾN ĐỘ"}},
  };
  d.body.push_back(TableBlock(t));
  d.body.push_back(Heading(BlockKind::kHeading1, "II. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI"));
  d.body.push_back(Paragraph("Tiếp tục đổi mới nội dung, phương thức lãnh đạo của cấp ủy."));
  d.signature = {"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"};
  d.recipients = {"Ban Thường vụ Tỉnh ủy (b/c)", "Các đảng bộ, chi bộ cơ sở", "Lưu Văn phòng"};
  return d;
}

std::string Read(zip_t* za, zip_int64_t index) {
  zip_stat_t st;
  zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st);
  std::string out(st.size, '\0');
  zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) return "";
  const zip_int64_t n = zip_fread(f, out.data(), out.size());
  zip_fclose(f);
  return n == static_cast<zip_int64_t>(out.size()) ? out : "";
}

Parts Unzip(const std::string& bytes) {
  Parts parts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* za = src == nullptr ? nullptr : zip_open_from_source(src, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (za == nullptr) {
    if (src != nullptr) zip_source_free(src);
    ADD_FAILURE() << "not a zip";
    return parts;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    parts[zip_get_name(za, static_cast<zip_uint64_t>(i), 0)] = Read(za, i);
  }
  zip_close(za);
  return parts;
}

Parts WriteAndUnzip(const Document& d) {
  Result<std::string> bytes = WriteDocx(d);
  if (!bytes.ok()) {
    ADD_FAILURE() << bytes.status().ToString();
    return {};
  }
  return Unzip(*bytes);
}

// Empty when every start tag has its end tag in order and '&' only starts an entity; else what
// is wrong.
std::string TagProblem(std::string_view xml) {
  std::vector<std::string> open;
  for (size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '&') {
      const size_t semi = xml.find(';', i);
      const std::string_view entity =
          xml.substr(i, semi == std::string_view::npos ? 1 : semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;") {
        return "bad entity at " + std::to_string(i);
      }
      continue;
    }
    if (xml[i] != '<') continue;
    const size_t end = xml.find('>', i);
    if (end == std::string_view::npos) return "unclosed tag";
    std::string_view tag = xml.substr(i + 1, end - i - 1);
    i = end;
    if (tag.starts_with('?')) continue;
    if (tag.find('<') != std::string_view::npos) return "'<' inside a tag";
    if (tag.ends_with('/')) continue;
    const bool closing = tag.starts_with('/');
    if (closing) tag.remove_prefix(1);
    const std::string name(tag.substr(0, tag.find(' ')));
    if (!closing) {
      open.push_back(name);
    } else if (open.empty() || open.back() != name) {
      return "</" + name + "> does not close " + (open.empty() ? "anything" : open.back());
    } else {
      open.pop_back();
    }
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

size_t Count(std::string_view s, std::string_view what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// The innermost element <tag>...</tag> (tag without attributes, e.g. "w:p") around `text`.
std::string Around(const std::string& xml, const std::string& tag, const std::string& text) {
  const size_t at = xml.find(text);
  if (at == std::string::npos) return "";
  const size_t start = xml.rfind("<" + tag + ">", at);
  const size_t end = xml.find("</" + tag + ">", at);
  if (start == std::string::npos || end == std::string::npos) return "";
  return xml.substr(start, end - start);
}

// The <w:tbl> elements of document.xml, in order (they are not nested).
std::vector<std::string> Tables(const std::string& xml) {
  std::vector<std::string> tables;
  for (size_t at = xml.find("<w:tbl>"); at != std::string::npos; at = xml.find("<w:tbl>", at + 1)) {
    tables.push_back(xml.substr(at, xml.find("</w:tbl>", at) - at));
  }
  return tables;
}

TEST(DocxWriterTest, HasEveryPartWithItsContentTypeAndRelationship) {
  Parts p = WriteAndUnzip(SampleReport());
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml",
        "docProps/core.xml", "docProps/app.xml"}) {
    ASSERT_TRUE(p.contains(name)) << name;
    EXPECT_EQ(TagProblem(p[name]), "") << name;
  }
  const std::string& types = p["[Content_Types].xml"];
  EXPECT_NE(types.find("PartName=\"/word/document.xml\" ContentType=\"application/"
                       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\""),
            std::string::npos);
  EXPECT_EQ(Count(types, "wordprocessingml.header+xml"), 2u);
  EXPECT_NE(types.find("Extension=\"rels\""), std::string::npos);
  EXPECT_NE(p["_rels/.rels"].find("relationships/officeDocument\" Target=\"word/document.xml\""),
            std::string::npos);
  EXPECT_NE(p["_rels/.rels"].find("Target=\"docProps/core.xml\""), std::string::npos);
  const std::string& rels = p["word/_rels/document.xml.rels"];
  for (const char* target : {"styles.xml", "settings.xml", "header1.xml", "header2.xml"}) {
    EXPECT_NE(rels.find(std::string("Target=\"") + target + "\""), std::string::npos) << target;
  }
  EXPECT_NE(p["docProps/core.xml"].find("<dc:title>BÁO CÁO sơ kết giữa nhiệm kỳ"),
            std::string::npos);
}

TEST(DocxWriterTest, KeepsDiacriticsAndEscapesText) {
  Parts p = WriteAndUnzip(SampleReport());
  const std::string& doc = p["word/document.xml"];
  EXPECT_NE(doc.find("Thu &amp; chi &lt;tăng&gt;"), std::string::npos);
  EXPECT_EQ(doc.find("<tăng>"), std::string::npos);
  for (const char* text :
       {"ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP", "Bến Tre, ngày 17 tháng 5 năm 2023",
        "Tỷ lệ đảng viên được học tập, quán triệt nghị quyết", "Nguyễn Văn A"}) {
    EXPECT_NE(doc.find(text), std::string::npos) << text;
  }
  // Runs keep their styles; spaces at the ends of a run are preserved.
  EXPECT_NE(Around(doc, "w:r", "đạt 96,5%").find("<w:b/>"), std::string::npos);
  EXPECT_NE(Around(doc, "w:r", " dự toán.").find("<w:i/>"), std::string::npos);
  EXPECT_NE(doc.find("<w:t xml:space=\"preserve\"> so với cùng kỳ; </w:t>"), std::string::npos);
}

TEST(DocxWriterTest, LineBreaksTabsAndControlCharacters) {
  Document d;
  d.body.push_back(Paragraph(std::string("dòng 1\ndòng 2\tcột\x01 hết")));
  d.body.push_back(Paragraph(""));
  const std::string doc = WriteAndUnzip(d)["word/document.xml"];
  EXPECT_NE(doc.find("dòng 1</w:t><w:br/><w:t xml:space=\"preserve\">dòng 2</w:t><w:tab/>"
                     "<w:t xml:space=\"preserve\">cột hết</w:t>"),
            std::string::npos);
  EXPECT_EQ(doc.find('\x01'), std::string::npos);
  EXPECT_EQ(doc.find("<w:t xml:space=\"preserve\"></w:t>"), std::string::npos);
  EXPECT_EQ(TagProblem(doc), "");
}

TEST(DocxWriterTest, TableIsARealTableWithGridRowsAndCells) {
  const std::string doc = WriteAndUnzip(SampleReport())["word/document.xml"];
  const std::vector<std::string> tables = Tables(doc);
  ASSERT_EQ(tables.size(), 3u);  // header block, the target table, signature and recipients
  const std::string& t = tables[1];
  EXPECT_EQ(Count(t, "<w:gridCol "), 7u);
  EXPECT_EQ(Count(t, "<w:tr>"), 4u);
  EXPECT_EQ(Count(t, "<w:tc>"), 28u);
  EXPECT_EQ(Count(t, "<w:tc>"), Count(t, "<w:tc><w:tcPr>"));
  EXPECT_EQ(Count(t, "</w:tcPr><w:p>"), 28u);  // every cell starts with a paragraph
  EXPECT_EQ(Count(t, "<w:tblHeader/>"), 1u);
  EXPECT_NE(t.find("<w:tblW w:w=\"9355\" w:type=\"dxa\"/>"), std::string::npos);
  EXPECT_NE(t.find("<w:insideV w:val=\"single\" w:sz=\"4\""), std::string::npos);  // 0.5 pt
  // Header cells bold and centred, 12 pt; numbers right-aligned.
  const std::string head = Around(t, "w:p", "Mục tiêu Nghị quyết");
  EXPECT_NE(head.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(head.find("<w:b/>"), std::string::npos);
  EXPECT_NE(head.find("<w:sz w:val=\"24\"/>"), std::string::npos);
  EXPECT_NE(Around(t, "w:p", "≥ 1.000").find("<w:jc w:val=\"right\"/>"), std::string::npos);
  EXPECT_NE(Around(t, "w:p", "Kết nạp").find("<w:jc w:val=\"left\"/>"), std::string::npos);
  EXPECT_NE(Around(t, "w:p", "ĐẠT").find("<w:b/>"), std::string::npos);
  EXPECT_EQ(Around(t, "w:p", "ĐÚNG TIẾN ĐỘ").find("<w:b/>"), std::string::npos);
  // The grid spans the text width exactly.
  int total = 0;
  for (size_t at = t.find("<w:gridCol w:w=\""); at != std::string::npos;
       at = t.find("<w:gridCol w:w=\"", at + 1)) {
    total += std::stoi(t.substr(at + 16));
  }
  EXPECT_EQ(total, 9355);
}

TEST(DocxWriterTest, ColumnWidthsFollowTheRelativeWidthsElseAreEqual) {
  Table t;
  t.header = {"A", "B"};
  t.widths = {1, 3};
  t.rows = {{{"x"}}};  // short row: padded with an empty cell
  Table equal;
  equal.header = {"A", "B", "C"};
  equal.widths = {1, 0, 2};  // not all positive
  Document d;
  d.body = {TableBlock(t), TableBlock(equal), TableBlock(Table{})};
  const std::vector<std::string> tables = Tables(WriteAndUnzip(d)["word/document.xml"]);
  ASSERT_EQ(tables.size(), 4u);  // header block, two tables (the empty one left out), signature
  // 9355 / 4 = 2338.75 -> 2339; 9355 / 3 = 3118.33, 2 * 9355 / 3 = 6236.67 -> 3118, 3119, 3118.
  EXPECT_NE(tables[1].find("<w:gridCol w:w=\"2339\"/><w:gridCol w:w=\"7016\"/>"),
            std::string::npos);
  EXPECT_EQ(Count(tables[1], "<w:tc>"), 4u);
  EXPECT_NE(tables[2].find("<w:gridCol w:w=\"3118\"/><w:gridCol w:w=\"3119\"/>"
                           "<w:gridCol w:w=\"3118\"/>"),
            std::string::npos);
}

TEST(DocxWriterTest, PageIsA4WithThePartyMarginsAndNumbersFromPageTwo) {
  Parts p = WriteAndUnzip(SampleReport());
  const std::string& doc = p["word/document.xml"];
  const size_t sect = doc.find("<w:sectPr>");
  ASSERT_NE(sect, std::string::npos);
  EXPECT_TRUE(doc.ends_with("</w:sectPr></w:body></w:document>"));
  const std::string s = doc.substr(sect);
  EXPECT_NE(s.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  // top and bottom 20 mm, left 30 mm, right 15 mm
  EXPECT_NE(s.find("<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""),
            std::string::npos);
  EXPECT_NE(s.find("<w:titlePg/>"), std::string::npos);
  // The first page gets header1 (empty), the others header2 (the PAGE field, centred, 13 pt).
  EXPECT_NE(s.find("<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>"),
            std::string::npos);
  EXPECT_NE(s.find("<w:headerReference w:type=\"default\" r:id=\"rIdHeaderPage\"/>"),
            std::string::npos);
  const std::string& rels = p["word/_rels/document.xml.rels"];
  EXPECT_NE(rels.find("Id=\"rIdHeaderFirst\" Type=\"http://schemas.openxmlformats.org/"
                      "officeDocument/2006/relationships/header\" Target=\"header1.xml\""),
            std::string::npos);
  EXPECT_NE(rels.find("Id=\"rIdHeaderPage\" Type=\"http://schemas.openxmlformats.org/"
                      "officeDocument/2006/relationships/header\" Target=\"header2.xml\""),
            std::string::npos);
  EXPECT_EQ(p["word/header1.xml"].find("PAGE"), std::string::npos);
  const std::string& page = p["word/header2.xml"];
  EXPECT_NE(page.find("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"),
            std::string::npos);
  EXPECT_NE(page.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(page.find("<w:sz w:val=\"26\"/>"), std::string::npos);
}

TEST(DocxWriterTest, BodyIsTimesNewRoman14JustifiedWithFirstLineIndent) {
  Parts p = WriteAndUnzip(SampleReport());
  const std::string& doc = p["word/document.xml"];
  const std::string body = Around(doc, "w:p", "Ngay sau Đại hội");
  EXPECT_NE(body.find("<w:jc w:val=\"both\"/>"), std::string::npos);
  EXPECT_NE(body.find("w:firstLine=\"567\""), std::string::npos);  // 10 mm
  EXPECT_NE(body.find("w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\""), std::string::npos);
  EXPECT_NE(body.find("w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""),
            std::string::npos);
  EXPECT_NE(body.find("<w:sz w:val=\"28\"/>"), std::string::npos);
  const std::string& styles = p["word/styles.xml"];
  EXPECT_NE(styles.find("<w:rFonts w:ascii=\"Times New Roman\""), std::string::npos);
  EXPECT_NE(styles.find("<w:sz w:val=\"28\"/>"), std::string::npos);
  // Headings: left-aligned with the same indent, in Word's outline, bold (italic for a)).
  const std::string h1 = Around(doc, "w:p", "I. KẾT QUẢ");
  EXPECT_NE(h1.find("<w:pStyle w:val=\"Heading1\"/><w:keepNext/>"), std::string::npos);
  EXPECT_NE(h1.find("<w:jc w:val=\"left\"/>"), std::string::npos);
  EXPECT_NE(h1.find("w:firstLine=\"567\""), std::string::npos);
  EXPECT_NE(h1.find("<w:b/>"), std::string::npos);
  const std::string h3 = Around(doc, "w:p", "a) Thu &amp; chi");
  EXPECT_NE(h3.find("<w:pStyle w:val=\"Heading3\"/>"), std::string::npos);
  EXPECT_NE(h3.find("<w:b/><w:bCs/><w:i/>"), std::string::npos);
}

TEST(DocxWriterTest, HeaderBlockAndTitleFollowTheGuide) {
  const std::string doc = WriteAndUnzip(SampleReport())["word/document.xml"];
  const std::vector<std::string> tables = Tables(doc);
  ASSERT_FALSE(tables.empty());
  const std::string& h = tables[0];
  EXPECT_NE(h.find("<w:top w:val=\"nil\"/>"), std::string::npos);  // no borders
  EXPECT_EQ(Count(h, "<w:gridCol "), 2u);
  EXPECT_EQ(Around(h, "w:r", "ĐẢNG BỘ TỈNH BẾN TRE").find("<w:b/>"), std::string::npos);
  EXPECT_NE(Around(h, "w:r", "ĐẢNG ỦY KHỐI").find("<w:b/>"), std::string::npos);
  EXPECT_NE(Around(h, "w:p", ">*<").find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(h.find("Số 25-BC/ĐUK"), std::string::npos);
  const std::string party = Around(h, "w:r", "ĐẢNG CỘNG SẢN VIỆT NAM");
  EXPECT_NE(party.find("<w:b/>"), std::string::npos);
  EXPECT_NE(party.find("<w:sz w:val=\"30\"/>"), std::string::npos);  // 15 pt
  EXPECT_NE(party.find("<w:u w:val=\"single\"/>"), std::string::npos);
  EXPECT_NE(Around(h, "w:r", "Bến Tre, ngày").find("<w:i/>"), std::string::npos);
  // Left column before the right one in each row.
  EXPECT_LT(h.find("ĐẢNG BỘ TỈNH"), h.find("ĐẢNG CỘNG SẢN"));
  const std::string title = Around(doc, "w:r", "BÁO CÁO");
  EXPECT_NE(title.find("<w:sz w:val=\"32\"/>"), std::string::npos);  // 16 pt
  EXPECT_NE(
      Around(doc, "w:p", "Đại hội Đảng bộ Khối lần thứ XIII").find("<w:jc w:val=\"center\"/>"),
      std::string::npos);
  // The short rule under the summary: a bottom border, centred between equal indents.
  const size_t rule = doc.find("<w:pBdr><w:bottom ");
  ASSERT_NE(rule, std::string::npos);
  EXPECT_GT(rule, doc.find("lần thứ XIII"));
  EXPECT_LT(rule, doc.find("I. KẾT QUẢ"));
  EXPECT_NE(doc.find("w:left=\"3827\" w:right=\"3827\"", rule), std::string::npos);
}

TEST(DocxWriterTest, RecipientsBesideTheSignature) {
  const std::string doc = WriteAndUnzip(SampleReport())["word/document.xml"];
  const std::vector<std::string> tables = Tables(doc);
  ASSERT_FALSE(tables.empty());
  const std::string& t = tables.back();
  EXPECT_EQ(Count(t, "<w:tc>"), 2u);
  EXPECT_LT(t.find("Nơi nhận:"), t.find("T/M BAN THƯỜNG VỤ"));  // recipients on the left
  const std::string label = Around(t, "w:r", "Nơi nhận:");
  for (const char* f : {"<w:b/>", "<w:i/>", "<w:u w:val=\"single\"/>", "<w:sz w:val=\"24\"/>"}) {
    EXPECT_NE(label.find(f), std::string::npos) << f;
  }
  EXPECT_NE(t.find(">- Ban Thường vụ Tỉnh ủy (b/c),<"), std::string::npos);
  EXPECT_NE(t.find(">- Các đảng bộ, chi bộ cơ sở,<"), std::string::npos);
  EXPECT_NE(t.find(">- Lưu Văn phòng.<"), std::string::npos);
  for (const char* line : {"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"}) {
    const std::string p = Around(t, "w:p", line);
    EXPECT_NE(p.find("<w:jc w:val=\"center\"/>"), std::string::npos) << line;
    EXPECT_NE(p.find("<w:b/>"), std::string::npos) << line;
  }
  // The body ends with a paragraph after the table, then the section.
  EXPECT_NE(doc.find("</w:tbl><w:p>"), std::string::npos);
}

TEST(DocxWriterTest, RecipientMarksAreNormalizedAndWrappedLinesHang) {
  Document d;
  d.recipients = {"- Ban Thường vụ Tỉnh ủy (b/c).", "Các chi bộ ,", "Lưu VP"};
  const std::string doc = WriteAndUnzip(d)["word/document.xml"];
  EXPECT_NE(doc.find(">- Ban Thường vụ Tỉnh ủy (b/c),<"), std::string::npos);
  EXPECT_NE(doc.find(">- Các chi bộ,<"), std::string::npos);
  EXPECT_NE(doc.find(">- Lưu VP.<"), std::string::npos);
  EXPECT_NE(Around(doc, "w:p", "Lưu VP").find("w:left=\"142\" w:right=\"0\" w:hanging=\"142\""),
            std::string::npos);
}

TEST(DocxWriterTest, SameDocumentSameBytes) {
  Result<std::string> a = WriteDocx(SampleReport());
  Result<std::string> b = WriteDocx(SampleReport());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_TRUE(a->starts_with("PK\x03\x04"));
}

TEST(DocxWriterTest, RejectsInvalidUtf8) {
  Document d = SampleReport();
  d.body.push_back(Paragraph(std::string("Thu chi \xC3")));
  Result<std::string> r = WriteDocx(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInternal);
  EXPECT_EQ(r.status().key(), "docx.invalid_text");
}

TEST(DocxWriterTest, EmptyDocumentStillOpens) {
  Parts p = WriteAndUnzip(Document{});
  const std::string& doc = p["word/document.xml"];
  EXPECT_EQ(TagProblem(doc), "");
  EXPECT_NE(doc.find("ĐẢNG CỘNG SẢN VIỆT NAM"), std::string::npos);
  EXPECT_EQ(doc.find("Nơi nhận:"), std::string::npos);
  // Every cell still holds a paragraph.
  for (const std::string& t : Tables(doc)) {
    EXPECT_EQ(Count(t, "<w:tc>"), Count(t, "</w:tcPr><w:p>")) << t;
  }
}

}  // namespace
}  // namespace nq::review::docx_writer_test
