// The records reader: every record kind of model/records.h read from schemas/records.xsd XML,
// source locations, cross-file references, duplicates, schema errors that skip one record.
#include <catch2/catch.hpp>

#include <string>

#include "core/file_io.h"
#include "ingest/records_reader.h"
#include "ingest/synthetic_year.h"
#include "support/test_support.h"

using namespace wenshu;
using core::Date;
using core::DiagnosticSink;

namespace {

std::string dump(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += core::format_text(d) + "\n";
  return out;
}

std::size_t count_rule(const DiagnosticSink& sink, const std::string& rule) {
  std::size_t n = 0;
  for (const auto& d : sink.items()) n += d.rule == rule;
  return n;
}

const char* kCityFile = R"X(<?xml version="1.0" encoding="UTF-8"?>
<records xmlns="urn:wenshu:records:1" version="1" committee="zhangye" year="2009">
  <committee id="zhangye" level="市委" name="中共张掖市委员会" short-name="张掖市委" agency-code="市委发"/>
  <member id="zy-m1" person="p-chen" name="陈建国" role="书记" principal="true" gender="男" title="市委书记">
    <portfolio>全面工作</portfolio>
  </member>
  <member id="zy-m2" person="p-li" name="李红梅" role="常委" gender="女" title="市委常委、组织部部长">
    <portfolio>组织</portfolio><portfolio>老干部</portfolio>
  </member>
</records>
)X";

// Every record kind once, in a county file that refers to city people by person id.
const char* kCountyFile = R"X(<?xml version="1.0" encoding="UTF-8"?>
<records xmlns="urn:wenshu:records:1" version="1" committee="ganzhou" year="2009">
  <committee id="ganzhou" level="县区委" parent="zhangye" name="中共张掖市甘州区委员会" short-name="甘州区委"
             agency-code="甘区委发"/>
  <member id="gz-m1" person="p-wang" name="王志刚" role="书记" principal="true"/>
  <member id="gz-m2" name="赵玉兰" role="副书记"/>
  <research-topic id="gz-t1" title="城郊农民增收途径" owner="p-wang" set-by="p-wang" date="2009-02-10"/>
  <research-report id="gz-r1" title="关于城郊农民增收的调研报告" topic="gz-t1" author="p-wang" date="2009-05-20">
    <situation>  全区城郊乡镇农民人均纯收入4630元。 </situation>
    <analysis>土地流转滞后。</analysis>
    <suggestions>发展设施农业。</suggestions>
    <recommendation adoption="采纳" adoption-date="2009-07-01">建设日光温室五千座</recommendation>
    <recommendation>扶持劳务品牌</recommendation>
  </research-report>
  <field-stay id="gz-s1" member="p-wang" unit-name="党寨镇" unit-kind="乡(镇)" start="2009-04-06" end="2009-04-10">
    <findings>设施农业发展快，但冷链缺乏。</findings>
  </field-stay>
  <agenda-item id="gz-a1" title="设施农业发展规划" proposer="gz-m2" meeting="gz-mt1" needs-research="true"
               research="gz-r1 gz-s1">
    <option>方案一</option><option>方案二</option>
  </agenda-item>
  <meeting id="gz-mt1" kind="常委会例会" date="2009-06-02" title="区委常委会第8次会议" attendees="p-wang gz-m2"
           agenda="gz-a1" hears-work-reports="true">
    <absence person="gz-m2" reason="出差"/>
    <observer name="孙立" organisation="人大" title="区人大常委会主任"/>
  </meeting>
  <meeting id="gz-mt2" kind="民主生活会" date="2009-12-20" theme="深入学习实践科学发展观" guiding-leader="p-li">
    <corrective-measure>建立联系点制度</corrective-measure>
  </meeting>
  <decision id="gz-d1" title="设施农业发展规划" category="中长期规划" date="2009-06-02" meeting="gz-mt1"
            consultations="gz-c1" submitted="2009-05-28" responsible="gz-m2" deadline="2009-10-31"/>
  <consultation id="gz-c1" subject="设施农业规划论证" decision="gz-d1" organiser="gz-m2" forms="专家咨询论证会 公示"
                report-date="2009-05-25" conclusion="修改完善" process-recorded="true" archived="true"
                expert-feedback="2009-07-10" finished="2009-05-25">
    <participant kind="专家" name="刘教授"/>
    <participant kind="领导" name="赵玉兰" person="gz-m2"/>
  </consultation>
  <directive id="gz-dir1" from="zhangye" title="关于做好抗旱工作的通知" date="2009-05-01" needs-report="true"/>
  <topical-report id="gz-tr1" directive="gz-dir1" title="抗旱工作落实情况的报告" date="2009-05-20" signed-by="p-wang"/>
  <emergency id="gz-e1" title="沙尘暴" occurred="2009-04-23T14:30" known="2009-04-23T15:00" reported="2009-04-23T16:10"
             reported-to="zhangye"/>
  <party-group-report id="gz-pg1" group="政府党组" quarter="2" date="2009-06-02" meeting="gz-mt1"/>
  <work-point-report id="gz-wp1" kind="年中" date="2009-07-10"/>
  <resolution id="gz-res1" title="关于发展设施农业的决定" passed-by="常委会" meeting="gz-mt1" date="2009-06-02">
    <publication channel="新闻媒体" date="2009-06-05"/>
  </resolution>
  <key-work-item id="gz-k1" person="p-wang" start="2009-06-01" end="2009-06-30"><work>督查设施农业</work></key-work-item>
  <notification id="gz-n1" decisions="gz-d1" date="2009-06-10" audiences="民主党派 工商联" method="座谈会"/>
  <duty-report id="gz-dr1" person="p-wang" date="2009-12-28"/>
  <evaluation id="gz-ev1" method="民主测评" date="2009-12-28">
    <vote person="gz-m2" valid="45" competent="20" basically-competent="9" incompetent="16" issues-concentrated="true"/>
  </evaluation>
  <inspection id="gz-in1" evaluation="gz-ev1" person="gz-m2" date="2010-01-10" finding="存在突出问题"
              proposal-to-city="true" proposal-date="2010-01-15"/>
  <admonition id="gz-ad1" person="gz-m2" conducted-by="纪检机关 组织部门" date="2009-08-01" corrected="false"
              follow-up="批评教育" follow-up-date="2009-10-01"><problem>作风漂浮</problem></admonition>
  <inquiry id="gz-q1" person="gz-m2" issuer="纪检机关" date="2009-03-01" deadline="2009-03-15" reply-date="2009-03-10"
           reply-clear="true"/>
  <trip-abroad id="gz-ta1" person="p-wang" purpose="因公" destination="日本" start="2009-09-01" end="2009-09-08"
               consent-by="p-chen" consent-date="2009-07-20" review-date="2009-07-25" passport-date="2009-08-01"/>
  <travel-leave id="gz-tl1" person="gz-m2" kind="因私请假" start="2009-08-03" end="2009-08-07" reported="2009-07-28"
                filed="2009-07-30" unified-form="true">
    <reason>探亲</reason>
    <approval approver="p-wang" role="县区委主要负责同志" date="2009-07-29" comment="同意"/>
  </travel-leave>
  <travel-summary id="gz-ts1" half="2" date="2010-01-05" sent-to-org-dept="true" trips="gz-tl1" trip-count="0"
                  leave-count="1"/>
  <supervision-item id="gz-sv1" title="设施农业规划落实" source="常委会决定" decision="gz-d1" responsible="gz-m2"
                    deadline="2009-10-31" organiser="区委督查室" target="各乡镇" result-date="2009-10-20">
    <activity date="2009-08-15" methods="现场检查 听取汇报" media-invited="true"/>
    <result>建成温室5200座。</result>
    <feedback date="2009-10-25"><measures>m</measures><experience>e</experience><reactions>r</reactions>
      <obstacles>o</obstacles><suggestions>s</suggestions></feedback>
  </supervision-item>
  <accountability-case id="gz-zz1" target="领导干部" person="gz-m2" deciding-body="区委" has-authority="true"
                       date="2009-11-01" circumstances="3 6" fault-of="分管领导" leniency="从轻" self-corrected="true"
                       no-major-loss="true">
    <responsibility person="gz-m2" position="分管领导" level="主要责任"/>
    <responsibility person="p-wang" position="主要领导" level="次要责任"/>
    <measure>诫勉谈话</measure>
  </accountability-case>
</records>
)X";

}  // namespace

TEST_CASE("records reader: every record kind, across two files") {
  test::TempDir dir("records");
  core::write_file_atomic(dir.path() / "a-city" / "zhangye.xml", kCityFile);
  core::write_file_atomic(dir.path() / "b-county" / "ganzhou.xml", kCountyFile);
  core::write_file_atomic(dir.path() / "b-county" / "notes.txt", "not xml");
  core::write_file_atomic(dir.path() / "b-county" / "doc.xml", "<gongwen xmlns=\"urn:wenshu:gongwen:1\"/>");
  DiagnosticSink sink;
  ingest::RecordsReadStats stats;
  const auto r = ingest::read_records({dir.path()}, sink, {}, &stats);
  INFO(dump(sink));
  CHECK(sink.items().empty());
  CHECK(stats.files_read == 2);
  CHECK(stats.files_skipped == 1);
  CHECK(stats.records == 32);

  REQUIRE(r.committees.size() == 2);
  CHECK(r.committees[0].id == "zhangye");  // files in path order
  CHECK(r.committees[0].level == model::CommitteeLevel::kCity);
  CHECK(r.committees[0].year == 2009);      // from <records year>
  CHECK(r.committees[1].parent == "zhangye");
  CHECK(r.committees[1].agency_code == "甘区委发");

  const auto* li = r.find_member("zy-m2");
  REQUIRE(li);
  CHECK(li->person == "p-li");
  CHECK(li->portfolio == std::vector<std::string>{"组织", "老干部"});
  CHECK(li->gender == model::Gender::kFemale);
  CHECK(li->location.line == 7);
  CHECK(li->location.column == 3);
  const auto* zhao = r.find_member("gz-m2");
  REQUIRE(zhao);
  CHECK(zhao->person == "gz-m2");  // person defaults to the member id
  CHECK(zhao->committee == "ganzhou");
  CHECK(zhao->role == model::MemberRole::kDeputySecretary);
  CHECK(r.principal_of("ganzhou")->name == "王志刚");

  REQUIRE(r.research_reports.size() == 1);
  const auto& rep = r.research_reports[0];
  CHECK(rep.situation == "全区城郊乡镇农民人均纯收入4630元。");
  REQUIRE(rep.recommendations.size() == 2);
  CHECK(rep.recommendations[0].adoption == model::Adoption::kAdopted);
  CHECK(rep.recommendations[0].adoption_date == Date{2009, 7, 1});
  CHECK_FALSE(rep.recommendations[1].adoption);
  CHECK(rep.recommendations[1].text == "扶持劳务品牌");
  CHECK(r.field_stays[0].unit_kind == model::UnitKind::kTownship);
  CHECK(r.agenda_items[0].options.size() == 2);
  CHECK(r.agenda_items[0].research == std::vector<std::string>{"gz-r1", "gz-s1"});
  CHECK(r.agenda_items[0].needs_research);

  const auto* mt = r.find_meeting("gz-mt1");
  REQUIRE(mt);
  CHECK(mt->kind == model::MeetingKind::kRegular);
  CHECK(mt->hears_work_reports);
  CHECK(mt->absentees.size() == 1);
  CHECK(mt->observers[0].organisation == model::ObserverOrg::kCongress);
  CHECK(r.find_meeting("gz-mt2")->guiding_leader == "p-li");
  CHECK(r.find_meeting("gz-mt2")->corrective_measures.size() == 1);

  const auto* c = r.find_consultation("gz-c1");
  REQUIRE(c);
  CHECK(c->forms == std::vector{model::ConsultForm::kExpertPanel, model::ConsultForm::kPublicNotice});
  CHECK(c->conclusion == model::ConsultConclusion::kRevise);
  CHECK(c->participants.size() == 2);
  CHECK(r.find_decision("gz-d1")->category == model::DecisionCategory::kLongTermPlan);
  CHECK(r.emergencies[0].occurred == core::DateTime{{2009, 4, 23}, 14, 30});
  CHECK(r.party_group_reports[0].quarter == 2);
  CHECK(r.work_point_reports[0].year == 2009);
  CHECK(r.work_point_reports[0].written);
  CHECK(r.resolutions[0].publications[0].channel == model::PublicationChannel::kMedia);
  CHECK(r.key_work_items[0].work == "督查设施农业");
  CHECK(r.notifications[0].audiences.size() == 2);
  CHECK(r.duty_reports[0].year == 2009);
  CHECK(r.evaluations[0].votes[0].incompetent == 16);
  CHECK(r.evaluations[0].votes[0].issues_concentrated);
  CHECK(r.inspections[0].finding == model::InspectionFinding::kSeriousProblems);
  CHECK(r.admonitions[0].corrected == false);
  CHECK(r.admonitions[0].conducted_by.size() == 2);
  CHECK(r.inquiries[0].reply_clear == true);
  CHECK(r.trips_abroad[0].consent_by == "p-chen");
  CHECK(r.travel_leaves[0].approvals[0].role == model::ApproverRole::kCountyPrincipal);
  CHECK(r.travel_leaves[0].reason == "探亲");
  CHECK(r.travel_summaries[0].leave_count == 1);
  CHECK(r.supervision_items[0].activities[0].methods.size() == 2);
  REQUIRE(r.supervision_items[0].feedback);
  CHECK(r.supervision_items[0].feedback->obstacles == "o");
  const auto& zz = r.accountability_cases[0];
  CHECK(zz.circumstances == std::vector{3, 6});
  CHECK(zz.has_authority == true);
  CHECK(zz.leniency == model::Leniency::kLighter);
  CHECK(zz.responsibilities.size() == 2);
  CHECK(zz.measures == std::vector<std::string>{"诫勉谈话"});
}

TEST_CASE("records reader: a county alone has dangling references to the city") {
  DiagnosticSink sink;
  const auto r = ingest::read_records_memory(kCountyFile, "ganzhou.xml", sink);
  CHECK(r.meetings.size() == 2);
  // parent committee (warning), the city leader guiding the 民主生活会 and consenting to the trip.
  CHECK(count_rule(sink, "XML-REF") == 3);
  bool guiding = false;
  for (const auto& d : sink.items()) {
    CHECK(d.location.file == "ganzhou.xml");
    CHECK(d.location.line > 0);
    if (d.record_id == "gz-mt2") guiding = d.message.find("p-li") != std::string::npos;
  }
  CHECK(guiding);
}

TEST_CASE("records reader: duplicates and dangling references name file and line") {
  const std::string xml = R"X(<records xmlns="urn:wenshu:records:1" version="1" committee="c">
  <committee id="c" level="市委" name="中共某市委员会"/>
  <member id="m1" name="甲" role="书记"/>
  <member id="m1" name="乙" role="常委"/>
  <meeting id="mt" kind="常委会" date="2009-03-01" attendees="m1 nobody"/>
  <decision id="d" title="t" category="一般事项" meeting="mt-missing"/>
  <field-stay id="s" committee="other" member="m1" unit-name="某村" unit-kind="村"/>
</records>)X";
  DiagnosticSink sink;
  ingest::read_records_memory(xml, "dup.xml", sink);
  INFO(dump(sink));
  REQUIRE(count_rule(sink, "XML-DUPLICATE") == 2);  // member id, and the person in committee c
  const auto& dup = sink.items()[0];
  CHECK(dup.location.line == 4);
  CHECK(dup.hints.at(0) == "首次出现于 dup.xml:3");
  CHECK(count_rule(sink, "XML-REF") == 3);  // nobody, mt-missing, committee other
  CHECK(sink.has_errors());
}

TEST_CASE("records reader: a record that breaks the schema is skipped, the rest is kept") {
  const std::string xml = R"X(<records xmlns="urn:wenshu:records:1" version="1" committee="c">
  <committee id="c" level="市委" name="中共某市委员会"/>
  <member id="m1" name="甲" role="书记"/>
  <member id="m2" name="乙" role="主任"/>
  <meeting id="mt" kind="常委会" date="2009-02-30" attendees="m1 m2"/>
  <meeting id="mt2" kind="常委会" date="2009-03-02" attendees="m1 m2"/>
</records>)X";
  DiagnosticSink sink;
  const auto r = ingest::read_records_memory(xml, "bad.xml", sink);
  INFO(dump(sink));
  CHECK(r.members.size() == 1);
  CHECK(r.meetings.size() == 1);
  CHECK(count_rule(sink, "XML-SCHEMA") == 2);
  CHECK(count_rule(sink, "XML-REF") == 0);  // m2 exists, it was only left out
  CHECK(sink.items()[0].location.line == 4);
  CHECK(sink.items()[0].message.find("主任") != std::string::npos);
  CHECK(sink.items()[1].location.line == 5);
}

TEST_CASE("records reader: wrong version, wrong root, missing input") {
  DiagnosticSink a;
  ingest::read_records_memory("<records xmlns=\"urn:wenshu:records:1\" version=\"2\"/>", "v2.xml", a);
  REQUIRE(a.items().size() == 1);
  CHECK(a.items()[0].message.find("版本") != std::string::npos);

  DiagnosticSink b;
  ingest::read_records_memory("<records version=\"1\"/>", "nons.xml", b);
  REQUIRE(b.items().size() == 1);
  CHECK(b.items()[0].rule == "XML-SCHEMA");

  DiagnosticSink c;
  test::TempDir dir("records");
  ingest::read_records({dir.path() / "nope"}, c);
  REQUIRE_FALSE(c.items().empty());
  CHECK(c.items()[0].rule == "XML-IO");

  DiagnosticSink d;  // a broken file among good ones: reported, the others still read
  core::write_file_atomic(dir.path() / "a.xml", kCityFile);
  core::write_file_atomic(dir.path() / "b.xml", "<records xmlns=\"urn:wenshu:records:1\" version=\"1\">\n<member");
  ingest::RecordsReadStats st;
  const auto r = ingest::read_records({dir.path()}, d, {}, &st);
  CHECK(r.members.size() == 2);
  CHECK(st.files_failed == 1);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].rule == "XML-PARSE");
  CHECK(d.items()[0].location.file == (dir.path() / "b.xml").string());
}

TEST_CASE("records reader: the result does not depend on the number of threads") {
  test::TempDir dir("records");
  for (int i = 0; i < 12; ++i) {
    std::string xml = "<records xmlns=\"urn:wenshu:records:1\" version=\"1\" committee=\"c\">\n";
    if (i == 0) xml += "<committee id=\"c\" level=\"市委\" name=\"中共某市委员会\"/>\n";
    for (int k = 0; k < 50; ++k)
      xml += "<member id=\"m" + std::to_string(i * 100 + k) + "\" name=\"某\" role=\"" + (k == 7 ? "X" : "委员") +
             "\"/>\n";
    xml += "</records>\n";
    char name[32];
    std::snprintf(name, sizeof name, "f%02d.xml", i);
    core::write_file_atomic(dir.path() / name, xml);
  }
  DiagnosticSink one, four;
  ingest::RecordsReadOptions o1, o4;
  o1.threads = 1;
  o4.threads = 4;
  const auto r1 = ingest::read_records({dir.path()}, one, o1);
  const auto r4 = ingest::read_records({dir.path()}, four, o4);
  REQUIRE(r1.members.size() == 12 * 49);
  REQUIRE(r4.members.size() == r1.members.size());
  for (std::size_t i = 0; i < r1.members.size(); ++i) CHECK(r1.members[i].id == r4.members[i].id);
  REQUIRE(one.items().size() == 12);
  REQUIRE(four.items().size() == 12);
  for (std::size_t i = 0; i < 12; ++i) CHECK(core::format_text(one.items()[i]) == core::format_text(four.items()[i]));
}

TEST_CASE("synthetic year: deterministic, valid, every reference resolves") {
  test::TempDir a("synth"), b("synth");
  ingest::SyntheticOptions o;
  o.records = 3000;
  o.records_per_file = 400;
  const auto ya = ingest::write_synthetic_year(a.path(), o);
  const auto yb = ingest::write_synthetic_year(b.path(), o);
  REQUIRE(ya.files.size() == yb.files.size());
  CHECK(ya.files.size() > 7);
  for (std::size_t i = 0; i < ya.files.size(); ++i)
    CHECK(test::read_file(ya.files[i]) == test::read_file(yb.files[i]));
  CHECK(ya.records >= 2900);
  DiagnosticSink sink;
  ingest::RecordsReadStats st;
  const auto r = ingest::read_records({a.path()}, sink, {}, &st);
  INFO(dump(sink));
  CHECK(sink.items().empty());
  CHECK(st.records == ya.records);
  CHECK(r.committees.size() == 7);
  o.seed = 2;
  test::TempDir c("synth");
  const auto yc = ingest::write_synthetic_year(c.path(), o);
  CHECK(test::read_file(yc.files[0]) != test::read_file(ya.files[0]));
}
