// Hand-built documents for the PDF writer tests.
#include "pdf/pdf_fixture.h"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <sys/wait.h>

#include "core/utf8.h"
#include "pdf/font_program.h"
#include "support/test_support.h"

namespace wenshu::test {

model::FontFace font_face(const std::string& role) {
  struct Row {
    const char* role;
    const char* file;
    unsigned face;
  };
  static const Row kRows[] = {
      {"song", "FandolSong-Regular.otf", 0},       {"song-bold", "FandolSong-Bold.otf", 0},
      {"fang", "FandolFang-Regular.otf", 0},       {"hei", "FandolHei-Regular.otf", 0},
      {"kai", "FandolKai-Regular.otf", 0},         {"hei-bold", "FandolHei-Bold.otf", 0},
      {"fallback-serif", "NotoSerifCJK-Regular.ttc", 2},
      {"fallback-sans", "NotoSansCJK-Regular.ttc", 2},
  };
  for (const auto& r : kRows) {
    if (role == r.role) return {(source_dir() / "fonts" / r.file).string(), r.face, r.role};
  }
  throw std::runtime_error("unknown font role " + role);
}

model::GlyphRun text_run(const model::PagedDocument& doc, std::uint32_t font, const std::string& text, core::Sp x,
                         core::Sp baseline, core::Sp size, core::Sp pitch) {
  std::string err;
  auto fp = pdf::FontProgram::get(doc.fonts.at(font).path, doc.fonts.at(font).face_index, err);
  if (!fp) throw std::runtime_error(err);
  model::GlyphRun run;
  run.font = font;
  run.size = size;
  run.baseline = baseline;
  for (char32_t cp : core::utf8_decode(text)) {
    model::PlacedGlyph g;
    g.gid = fp->nominal_glyph(cp);
    g.x = x;
    g.advance = core::Sp(fp->advance_milli(g.gid) * size.v / 1'000'000);
    core::utf8_append(g.text, cp);
    run.glyphs.push_back(std::move(g));
    x += pitch;
  }
  return run;
}

model::Page a4_page() {
  model::Page p;
  p.width = core::mm(210);
  p.height = core::mm(297);
  return p;
}

model::PagedDocument sample_notice() {
  using core::mm;
  using core::pt;
  model::PagedDocument doc;
  doc.info.title = "关于加强公文处理工作的通知";
  doc.info.author = "中共某某市委办公室";
  doc.info.subject = "公文处理";
  doc.info.keywords = "公文; 通知";
  doc.info.date = "2009-09-02";
  doc.fonts = {font_face("song-bold"), font_face("fang"), font_face("hei"), font_face("kai"), font_face("song")};
  model::Page page = a4_page();
  const core::Sp left = mm(28), pitch = pt(15.79), size = pt(16);
  auto red = model::Color::rgb(1000, 0, 0);
  model::GlyphRun head = text_run(doc, 0, "中共某某市委办公室文件", mm(40), mm(37) + pt(30), pt(30), pt(36));
  head.color = red;
  head.horizontal_scale = 80;
  page.items.push_back(head);
  page.items.push_back(model::Line{mm(26), mm(80), mm(184), mm(80), pt(2), red});
  page.items.push_back(text_run(doc, 0, "关于加强公文处理工作的通知", mm(48), mm(100), pt(22), pt(22)));
  core::Sp y = mm(120);
  page.items.push_back(text_run(doc, 1, "各县（市、区）委，市委各部委：", left, y, size, pitch));
  y += pt(28.99);
  page.items.push_back(text_run(doc, 1, "为进一步规范公文处理工作，提高公文质量，根据《党政机关公文处理", left + pitch * 2, y,
                                size, pitch));
  y += pt(28.99);
  page.items.push_back(text_run(doc, 2, "一、高度重视公文处理工作", left + pitch * 2, y, size, pitch));
  y += pt(28.99);
  page.items.push_back(text_run(doc, 3, "（一）明确责任分工。", left + pitch * 2, y, size, pitch));
  page.items.push_back(text_run(doc, 4, "— 1 —", mm(95), mm(285), pt(14), pt(7)));
  page.number = 1;
  doc.pages.push_back(std::move(page));
  return doc;
}

std::string run_command(const std::string& command, int& rc) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) {
    rc = -1;
    return out;
  }
  std::array<char, 4096> buf;
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int status = ::pclose(p);
  rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace wenshu::test
