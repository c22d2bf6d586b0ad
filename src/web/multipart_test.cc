#include "web/multipart.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace nq::web::multipart_test {
namespace {

const std::string kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string AllBytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  return s;
}

// One part as a browser writes it: the boundary line, headers, a blank line, the data.
std::string Part(const std::string& headers, const std::string& data,
                 const std::string& boundary = kBoundary) {
  return "--" + boundary + "\r\n" + headers + "\r\n" + data + "\r\n";
}
std::string Field(const std::string& name, const std::string& value) {
  return Part("Content-Disposition: form-data; name=\"" + name + "\"\r\n", value);
}
std::string File(const std::string& disposition_params, const std::string& type,
                 const std::string& data) {
  return Part("Content-Disposition: form-data; name=\"files\"; " + disposition_params +
                  "\r\nContent-Type: " + type + "\r\n",
              data);
}
std::string Close(const std::string& boundary = kBoundary) { return "--" + boundary + "--\r\n"; }

// A progress update with a note and two evidence files, as Chromium sends it.
std::string UploadBody() {
  return Field("percent", "60") + Field("note", "Đã ban hành kế hoạch\r\nsố 15-KH") +
         File("filename=\"bao-cao.pdf\"", "application/pdf", "%PDF-1.4\r\n%%EOF") +
         File("filename=\"anh.png\"", "image/png", AllBytes()) + Close();
}

std::vector<FormPart> Parse(const std::string& body, const std::string& boundary = kBoundary) {
  Result<std::vector<FormPart>> r = ParseMultipart(body, boundary);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<FormPart>{};
}

// The one part of a body holding a file part with these Content-Disposition parameters.
FormPart OneFile(const std::string& disposition_params) {
  const std::vector<FormPart> parts = Parse(File(disposition_params, "text/plain", "x") + Close());
  EXPECT_EQ(parts.size(), 1u);
  return parts.empty() ? FormPart{} : parts[0];
}

void ExpectMalformed(const std::string& body, const std::string& why,
                     const std::string& boundary = kBoundary) {
  const Result<std::vector<FormPart>> r = ParseMultipart(body, boundary);
  ASSERT_FALSE(r.ok()) << "accepted: " << why;
  EXPECT_EQ(r.status().code(), Code::kInvalid) << why;
  EXPECT_EQ(r.status().key(), "multipart.invalid") << why;
  EXPECT_EQ(r.status().message().rfind("Dữ liệu tải lên (multipart/form-data) không hợp lệ: ", 0),
            0u)
      << why << ": " << r.status().message();
}

// ---- MultipartBoundary ----

TEST(MultipartTest, BoundaryFromContentType) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + kBoundary), kBoundary);
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; BOUNDARY=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("multipart/form-data;boundary=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; charset=utf-8; boundary=abc; x=y"), "abc");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"a b:c=d?'()+_,-./\""),
            "a b:c=d?'()+_,-./");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary = abc ;"), "abc");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'x')),
            std::string(70, 'x'));
}

TEST(MultipartTest, NoBoundary) {
  for (const std::string& ct : std::vector<std::string>{
           "", "application/x-www-form-urlencoded", "multipart/mixed; boundary=abc",
           "multipart/form-data", "multipart/form-data;",
           "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
           "multipart/form-data; boundary=\"abc", "multipart/form-data; boundary=\"abc \"",
           "multipart/form-data; boundary=a@b", "multipart/form-data; boundary=a\"b",
           "multipart/form-data; boundary=" + std::string(71, 'x'), "multipart/form-data; boundary",
           "multipart/form-data; boundaryx=abc", "text/plain; boundary=abc"}) {
    EXPECT_EQ(MultipartBoundary(ct), std::nullopt) << ct;
  }
}

// ---- well-formed bodies ----

void ExpectPart(const FormPart& p, const std::string& name, bool is_file,
                const std::string& file_name, const std::string& content_type,
                const std::string& data) {
  EXPECT_EQ(p.name, name);
  EXPECT_EQ(p.is_file, is_file) << name;
  EXPECT_EQ(p.file_name, file_name) << name;
  EXPECT_EQ(p.content_type, content_type) << name;
  EXPECT_EQ(p.data, data) << name;
}

TEST(MultipartTest, ParsesFieldsAndFiles) {
  const std::vector<FormPart> parts = Parse(UploadBody());
  ASSERT_EQ(parts.size(), 4u);
  ExpectPart(parts[0], "percent", false, "", "", "60");
  ExpectPart(parts[1], "note", false, "", "", "Đã ban hành kế hoạch\r\nsố 15-KH");
  ExpectPart(parts[2], "files", true, "bao-cao.pdf", "application/pdf", "%PDF-1.4\r\n%%EOF");
  ExpectPart(parts[3], "files", true, "anh.png", "image/png", AllBytes());
}

TEST(MultipartTest, DataIsByteExact) {
  // Line ends at either end, dashes, and near-boundaries stay in the data.
  const std::vector<std::string> datas = {
      "",
      "\r\n",
      "line\r\n",
      "\r\nline",
      "\r\n\r\n",
      "--" + kBoundary.substr(0, kBoundary.size() - 1),
      "\r\n--" + kBoundary.substr(0, kBoundary.size() - 1) + "\r\n",
      "\n--" + kBoundary,  // a bare LF is not the delimiter's CRLF
      "\r--" + kBoundary,
      std::string("\0\0\r\0\n", 5),
      AllBytes() + AllBytes()};
  for (const std::string& data : datas) {
    const std::vector<FormPart> parts = Parse(
        File("filename=\"a.bin\"", "application/octet-stream", data) + Field("b", data) + Close());
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].data, data);
    EXPECT_EQ(parts[1].data, data);
  }
}

TEST(MultipartTest, EmptyFileInput) {
  // A file input left empty: filename="" and no data.
  const FormPart p = OneFile("filename=\"\"");
  EXPECT_TRUE(p.is_file);
  EXPECT_EQ(p.file_name, "");
}

TEST(MultipartTest, FileNamesKeepOnlyTheLastPathComponent) {
  EXPECT_EQ(OneFile(R"(filename="C:\Users\An\Desktop\bao-cao.pdf")").file_name, "bao-cao.pdf");
  EXPECT_EQ(OneFile(R"(filename="C:\\Users\\An\\bao-cao.pdf")").file_name, "bao-cao.pdf");
  EXPECT_EQ(OneFile(R"(filename="/home/an/anh.png")").file_name, "anh.png");
  EXPECT_EQ(OneFile(R"(filename="../../etc/passwd")").file_name, "passwd");
  EXPECT_EQ(OneFile(R"(filename="dir/")").file_name, "");
  EXPECT_EQ(OneFile(R"(filename=plain.pdf)").file_name, "plain.pdf");
  EXPECT_EQ(OneFile(R"(filename="a \"b\" c.pdf")").file_name, R"(a "b" c.pdf)");
  EXPECT_EQ(OneFile(R"(filename="a;b=c.pdf")").file_name, "a;b=c.pdf");
  EXPECT_EQ(OneFile(R"(filename="Kế hoạch.pdf")").file_name, "Kế hoạch.pdf");
}

TEST(MultipartTest, Rfc5987FileNamesArePreferred) {
  EXPECT_EQ(OneFile("filename=\"Ke hoach.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf")
                .file_name,
            "Kế hoạch.pdf");
  EXPECT_EQ(
      OneFile("filename*=utf-8'vi'K%E1%BA%BF%20ho%E1%BA%A1ch.pdf; filename=\"x.pdf\"").file_name,
      "Kế hoạch.pdf");
  const FormPart only_star = OneFile("filename*=UTF-8''C%3A%5Cdir%5Ca%2Fb.pdf");
  EXPECT_TRUE(only_star.is_file);
  EXPECT_EQ(only_star.file_name, "b.pdf");
  for (const char* bad : {"filename*=ISO-8859-1''caf%E9.pdf", "filename*=UTF-8''%ZZ.pdf",
                          "filename*=UTF-8%E1.pdf", "filename*=UTF-8'x.pdf"}) {
    ExpectMalformed(File(bad, "text/plain", "x") + Close(), bad);
  }
}

TEST(MultipartTest, HeadersAreCaseInsensitiveAndOthersIgnored) {
  const std::vector<FormPart> parts =
      Parse(Part("content-disposition: FORM-DATA; NAME=\"x\"; FileName=\"a.pdf\"\r\n"
                 "CONTENT-TYPE:application/pdf  \r\nX-Other: 1\r\n",
                 "d") +
            Part("Content-Disposition: form-data; name=plain\r\n", "v") + Close());
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "x");
  EXPECT_EQ(parts[0].file_name, "a.pdf");
  EXPECT_EQ(parts[0].content_type, "application/pdf");
  EXPECT_EQ(parts[1].name, "plain");
}

TEST(MultipartTest, PreambleEpilogueAndPadding) {
  const std::vector<FormPart> parts =
      Parse("preamble text\r\n--" + kBoundary + " \t\r\n" +
            "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" + kBoundary +
            "--\r\nepilogue\r\n--" + kBoundary + "\r\nignored");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].data, "1");
}

TEST(MultipartTest, PartWithoutDataMayEndWithItsHeaders) {
  // RFC 2046: the blank line and data are optional.
  const std::vector<FormPart> parts =
      Parse("--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--" +
            kBoundary + "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n" + Close());
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].data, "");
  EXPECT_EQ(parts[1].data, "x");
}

TEST(MultipartTest, ClosingOnlyGivesNoParts) { EXPECT_TRUE(Parse(Close()).empty()); }

TEST(MultipartTest, ShortBoundary) {
  const std::vector<FormPart> parts = Parse(Field("a", "-") + Close(), kBoundary);
  ASSERT_EQ(parts.size(), 1u);
  const std::string body = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n-x\r\n--x--";
  const std::vector<FormPart> short_parts = Parse(body, "x");
  ASSERT_EQ(short_parts.size(), 1u);
  EXPECT_EQ(short_parts[0].data, "-x");
}

// ---- malformed bodies ----

TEST(MultipartTest, RejectsMissingBoundaries) {
  ExpectMalformed(UploadBody(), "empty boundary", "");
  ExpectMalformed("", "empty body");
  ExpectMalformed("hello", "no first boundary");
  ExpectMalformed(UploadBody(), "another boundary", "other");
  ExpectMalformed(Field("a", "1"), "no closing boundary");
  ExpectMalformed(Field("a", "1") + "--" + kBoundary, "closing boundary without --");
  ExpectMalformed(Field("a", "1") + "--" + kBoundary + "-", "closing boundary with one -");
  ExpectMalformed(Field("a", "1") + "--" + kBoundary + "x\r\n", "boundary followed by text");
  ExpectMalformed("--" + kBoundary + "x\r\n" + Close(), "first boundary followed by text");
  ExpectMalformed(Field("a", "1").substr(0, 40), "cut in the headers");
}

TEST(MultipartTest, RejectsPartsWithoutFormDataName) {
  // Header sections of one part, each wrong in its own way.
  const std::vector<std::string> headers = {
      "Content-Type: text/plain\r\n",                            // no disposition
      "Content-Disposition: attachment; name=\"a\"\r\n",         // not form-data
      "Content-Disposition: form-data\r\n",                      // no name
      "Content-Disposition: form-data; name=\"\"\r\n",           // empty name
      "Content-Disposition: form-data; filename=\"a.pdf\"\r\n",  // a file without name
      "Content-Disposition: form-data; name=\"a\r\n",            // unterminated quote
      "Content-Disposition: form-data; name=\"a\"x\r\n",         // text after the quote
      "Content-Disposition: form-data; name\r\n",                // parameter without =
      "Content-Disposition: form-data; a; name=\"b\"\r\n",       // likewise
      "Content-Disposition form-data; name=\"a\"\r\n",           // line without colon
      "Content-Disposition : form-data; name=\"a\"\r\n",         // space before colon
      ": form-data\r\n",                                         // empty header name
  };
  for (const std::string& h : headers) ExpectMalformed(Part(h, "x") + Close(), h);
  ExpectMalformed("--" + kBoundary + "\r\n\r\nx\r\n" + Close(), "no headers");
}

TEST(MultipartTest, HeaderSectionLimit) {
  const std::string disposition = "Content-Disposition: form-data; name=\"a\"\r\n";
  const std::string filler_start = "X-Filler: ";
  // Header lines with their CRLFs of exactly kMaxPartHeaderBytes, then one byte more.
  const size_t filler = kMaxPartHeaderBytes - disposition.size() - filler_start.size() - 2;
  const std::string at_limit = disposition + filler_start + std::string(filler, 'x') + "\r\n";
  ASSERT_EQ(at_limit.size(), kMaxPartHeaderBytes);
  EXPECT_EQ(Parse(Part(at_limit, "v") + Close()).size(), 1u);
  const std::string over = disposition + filler_start + std::string(filler + 1, 'x') + "\r\n";
  ExpectMalformed(Part(over, "v") + Close(), "header section over the limit");
  const Result<std::vector<FormPart>> r = ParseMultipart(Part(over, "v") + Close(), kBoundary);
  EXPECT_NE(r.status().message().find("dài quá 8 KiB"), std::string::npos);
}

TEST(MultipartTest, PartCountLimit) {
  std::string body;
  for (size_t i = 0; i < kMaxMultipartParts; ++i) body += Field("f" + std::to_string(i), "v");
  EXPECT_EQ(Parse(body + Close()).size(), kMaxMultipartParts);
  ExpectMalformed(body + Field("one_more", "v") + Close(), "101 parts");
}

TEST(MultipartTest, EveryPrefixOfABodyIsRejectedUntilTheClosingBoundary) {
  const std::string body = UploadBody();
  // The closing delimiter "\r\n--boundary--" ends 2 bytes before the body (its final CRLF is
  // epilogue), so the prefixes that end there or later are whole bodies.
  const size_t complete = body.size() - 2;
  for (size_t n = 0; n <= body.size(); ++n) {
    const std::string prefix = body.substr(0, n);  // a copy, so ASan sees reads past the end
    const Result<std::vector<FormPart>> r = ParseMultipart(prefix, kBoundary);
    EXPECT_EQ(r.ok(), n >= complete) << "prefix of " << n;
    if (r.ok()) {
      EXPECT_EQ(r->size(), 4u);
    }
  }
}

TEST(MultipartTest, EveryByteCorruptedDoesNotCrash) {
  const std::string body =
      Field("a", "1") + File("filename*=UTF-8''%C3%A1.pdf", "x/y", "z") + Close();
  for (size_t at = 0; at < body.size(); ++at) {
    for (char value : {'\0', '\r', '\n', '-', '"', '\\', ';', '%', '\xFF'}) {
      std::string corrupt = body;
      corrupt[at] = value;
      const Result<std::vector<FormPart>> r = ParseMultipart(corrupt, kBoundary);
      if (!r.ok()) {
        EXPECT_EQ(r.status().key(), "multipart.invalid");
      }
    }
  }
}

}  // namespace
}  // namespace nq::web::multipart_test
