// index.html of the dossier: opened from the unpacked folder in a browser with no network. The
// table is static HTML (readable with scripts off); a small inline script filters rows by text.
// No external resources, no fetch, no cookies: the page only reads its own DOM.
#include <fmt/format.h>

#include "archive/dossier.h"
#include "archive/xml_text.h"

namespace wenshu::archive {

/// Percent-encodes a relative path for an href (RFC 3986: keep unreserved and "/"); non-ASCII
/// bytes are encoded so the link works whatever the page's idea of the encoding (archive.md §9).
static std::string href(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

static const char* kStyle = R"(body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;margin:1.5em;color:#111}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.2em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right;white-space:nowrap}td.code{white-space:nowrap;font-family:monospace}
#q{font-size:1em;padding:.3em;width:24em}#count{margin-left:1em;color:#555}.hidden{display:none})";

static const char* kScript = R"(
(function(){
  var q=document.getElementById('q'),count=document.getElementById('count');
  var rows=Array.prototype.slice.call(document.querySelectorAll('tr.item'));
  var sections=Array.prototype.slice.call(document.querySelectorAll('section.class'));
  function norm(s){return (s||'').toLowerCase().replace(/\s+/g,'');}
  function apply(){
    var t=norm(q.value),shown=0;
    rows.forEach(function(r){var hit=!t||norm(r.textContent).indexOf(t)>=0;r.classList.toggle('hidden',!hit);if(hit)shown++;});
    sections.forEach(function(s){s.classList.toggle('hidden',!s.querySelector('tr.item:not(.hidden)'));});
    count.textContent='显示 '+shown+' / '+rows.length+' 件';
  }
  q.addEventListener('input',apply);
  var m=/[?&]q=([^&]*)/.exec(location.search);if(m){q.value=decodeURIComponent(m[1].replace(/\+/g,' '));}
  apply();
})();
)";

std::string index_html(const std::vector<FiledItem>& items, const DossierInfo& info, const ArchiveProfile& p) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  // No network: a CSP that forbids every fetch except this page's own inline code and local links.
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
       "script-src 'unsafe-inline'\">\n";
  h += "<title>" + xml_escape(info.fonds_name) + " " + fmt::format("{:04d}", info.year) + "年度文书档案 " +
       xml_escape(info.package_id) + "</title>\n";
  h += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  h += "<h1>" + xml_escape(info.fonds_name) + " " + fmt::format("{:04d}", info.year) + "年度文书档案</h1>\n";
  h += "<p>全宗号 " + xml_escape(info.fonds_code) + "　包标识 " + xml_escape(info.package_id) + "　归档日期 " +
       core::format_date(info.filing_date) + fmt::format("　共 {} 件", items.size()) + "</p>\n";
  h += "<p><label>筛选：<input id=\"q\" type=\"search\" placeholder=\"档号、题名、文号、日期…\" autocomplete=\"off\"></label>"
       "<span id=\"count\"></span></p>\n";
  std::size_t i = 0;
  while (i < items.size()) {
    const std::string ret = items[i].retention, cls = items[i].class_code;
    std::string heading = retention_name(ret) + "（" + ret + "）";
    if (!cls.empty()) heading += " · " + items[i].class_name + "（" + cls + "）";
    h += "<section class=\"class\" data-class=\"" + xml_escape(ret + "-" + cls) + "\">\n<h2>" + xml_escape(heading) +
         "</h2>\n<table>\n<thead><tr><th>档号</th><th>题名</th><th>文号</th><th>日期</th><th>页数</th><th>文件</th></tr></thead>\n<tbody>\n";
    for (; i < items.size() && items[i].retention == ret && items[i].class_code == cls; ++i) {
      const auto& it = items[i];
      const std::string folder = it.folder.substr(5);  // relative to data/, where index.html lives
      h += "<tr class=\"item\" id=\"" + xml_escape(it.key) + "\"><td class=\"code\">" + xml_escape(it.archival_code) +
           "</td><td>" + xml_escape(it.doc.title) + "</td><td>" + xml_escape(it.doc.doc_number) + "</td><td class=\"n\">" +
           (core::is_valid(it.doc.date) ? core::format_date_compact(it.doc.date) : std::string()) +
           "</td><td class=\"n\">" + std::to_string(it.page_count()) + "</td><td>";
      for (std::size_t k = 0; k < it.files.size(); ++k) {
        if (k) h += " ";
        h += "<a href=\"" + href(folder + "/" + it.files[k].name) + "\">" + xml_escape(it.files[k].role) + "</a>";
      }
      h += " <a href=\"" + href(folder + "/" + it.key + ".xml") + "\">元数据</a></td></tr>\n";
    }
    h += "</tbody>\n</table>\n</section>\n";
  }
  (void)p;
  h += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace wenshu::archive
