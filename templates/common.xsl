<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parts of every wenshu template (included, never run on its own).
  Input: the compose input of one committee-year (docs/templates.md), no namespace.
  Output: the 公文 document model, namespace urn:wenshu:gongwen:1 (schemas/gongwen.xsd).
  Parameters set by wenshu for every document:
    record    id of the record the document is made from (empty for aggregates)
    period    aggregates: 2009-05 (month), 2009-H1 (half-year), 2009 (year)
    kind      the catalogue id of the kind (dy-report …)
    city-wide "true" for the city-wide annual report
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="urn:wenshu:gongwen:1">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="record"/>
  <xsl:param name="period"/>
  <xsl:param name="kind"/>
  <xsl:param name="city-wide"/>

  <xsl:variable name="in" select="/compose-input"/>
  <!-- 发文机关全称 and 规范化简称 (GB/T 9704-2012 7.2.4, 7.3.5.1) -->
  <xsl:variable name="org" select="/compose-input/@name"/>
  <xsl:variable name="org-short">
    <xsl:choose>
      <xsl:when test="/compose-input/@short-name != ''"><xsl:value-of select="/compose-input/@short-name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/compose-input/@name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="year" select="/compose-input/@year"/>
  <!-- 上级党委 (for upward documents), by its full name -->
  <xsl:variable name="superior">
    <xsl:choose>
      <xsl:when test="/compose-input/@parent-name != ''"><xsl:value-of select="/compose-input/@parent-name"/></xsl:when>
      <xsl:otherwise>中共甘肃省委员会</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Its 组织部 (the 外出请假 summaries go there, rules.md JD-4.3) -->
  <xsl:variable name="superior-organisation-dept">
    <xsl:choose>
      <xsl:when test="/compose-input/@parent-short-name != ''">中共<xsl:value-of select="/compose-input/@parent-short-name"/>组织部</xsl:when>
      <xsl:otherwise>中共甘肃省委组织部</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- A body as a 公文 names it: the full name of a committee of the records when `ref` is
       its id or short name (a record may give either); anything else as the record wrote it. -->
  <xsl:template name="body-name">
    <xsl:param name="ref"/>
    <xsl:variable name="b" select="$in/bodies/body[@id = $ref or @short-name = $ref][1]"/>
    <xsl:choose>
      <xsl:when test="$b"><xsl:value-of select="$b/@name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$ref"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 版头 (7.2): issuing organ, optional 签发人 for upward documents (7.2.6). -->
  <xsl:template name="header">
    <xsl:param name="signer"/>
    <header>
      <issuers><issuer><xsl:value-of select="$org"/></issuer></issuers>
      <xsl:if test="$signer != ''">
        <signers><signer><xsl:value-of select="$signer"/></signer></signers>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- 署名, 成文日期 (7.3.5) and the seal area; `date` ISO, `date-cn` as written. -->
  <xsl:template name="signoff">
    <xsl:param name="date"/>
    <xsl:param name="date-cn"/>
    <xsl:param name="signature" select="$org"/>
    <xsl:param name="seal" select="'reserved'"/>
    <xsl:if test="$signature != ''">
      <signatures><signature><xsl:value-of select="$signature"/></signature></signatures>
    </xsl:if>
    <xsl:if test="$date != ''">
      <date value="{$date}"><xsl:value-of select="$date-cn"/></date>
    </xsl:if>
    <seal kind="{$seal}"/>
  </xsl:template>

  <!-- 版记 (7.4): 印发机关 = the committee's office, 印发日期 = the date. -->
  <xsl:template name="imprint">
    <xsl:param name="date"/>
    <xsl:param name="date-cn"/>
    <xsl:param name="cc"/>
    <imprint>
      <xsl:if test="$cc != ''"><cc><xsl:value-of select="$cc"/></cc></xsl:if>
      <printer><xsl:value-of select="$org-short"/>办公室</printer>
      <xsl:if test="$date != ''">
        <print-date value="{$date}"><xsl:value-of select="$date-cn"/>印发</print-date>
      </xsl:if>
    </imprint>
  </xsl:template>

  <!-- Text with line breaks → one <p> per non-empty line (a record's text may hold several
       自然段). Nothing when the text is empty. -->
  <xsl:template name="paras">
    <xsl:param name="text"/>
    <xsl:variable name="t" select="normalize-space(substring-before(concat($text, '&#10;'), '&#10;'))"/>
    <xsl:if test="$t != ''"><p><xsl:value-of select="$t"/></p></xsl:if>
    <xsl:if test="contains($text, '&#10;')">
      <xsl:call-template name="paras">
        <xsl:with-param name="text" select="substring-after($text, '&#10;')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The Chinese number label of position n (1..20) for level-1/2 headings: 一 二 … 二十. -->
  <xsl:template name="cn-number">
    <xsl:param name="n"/>
    <xsl:variable name="digits" select="'一二三四五六七八九'"/>
    <xsl:choose>
      <xsl:when test="$n &lt; 10"><xsl:value-of select="substring($digits, $n, 1)"/></xsl:when>
      <xsl:when test="$n = 10">十</xsl:when>
      <xsl:when test="$n &lt; 20">十<xsl:value-of select="substring($digits, $n - 10, 1)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="substring($digits, floor($n div 10), 1)"/>十<xsl:if test="$n mod 10 != 0"><xsl:value-of select="substring($digits, $n mod 10, 1)"/></xsl:if></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An ISO date (YYYY-MM-DD) as a 公文 writes it (rules.md GW-2, GB/T 9704-2012 7.3.5.4): in
       Chinese numerals with 〇 before 2012-07-01 (二〇〇九年六月三十日), in Arabic numerals
       without zero padding from then on (2013年6月30日). For dates the records do not give
       already written (the compose input's *-cn attributes). -->
  <xsl:template name="date-written">
    <xsl:param name="iso"/>
    <xsl:variable name="y" select="substring($iso, 1, 4)"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($iso, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="number(translate($iso, '-', '')) &lt; 20120701">
        <xsl:value-of select="translate($y, '0123456789', '〇一二三四五六七八九')"/>年<xsl:call-template name="cn-number"><xsl:with-param name="n" select="$m"/></xsl:call-template>月<xsl:call-template name="cn-number"><xsl:with-param name="n" select="$d"/></xsl:call-template>日</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(number($y), '年', $m, '月', $d, '日')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Two written dates as a range the way a 公文 writes it: the second without what it shares
       with the first (二〇〇九年三月十日至十二日, 二〇〇九年三月十日至四月二日). -->
  <xsl:template name="date-range-written">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:variable name="from-md" select="substring-after($from, '年')"/>
    <xsl:variable name="to-md" select="substring-after($to, '年')"/>
    <xsl:value-of select="$from"/>
    <xsl:if test="$to != '' and $to != $from">
      <xsl:text>至</xsl:text>
      <xsl:choose>
        <xsl:when test="substring-before($from, '年') != substring-before($to, '年')"><xsl:value-of select="$to"/></xsl:when>
        <xsl:when test="substring-before($from-md, '月') = substring-before($to-md, '月')"><xsl:value-of select="substring-after($to-md, '月')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$to-md"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A label/value table row of a form. -->
  <xsl:template name="form-row">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="span" select="3"/>
    <row>
      <cell align="center"><xsl:value-of select="$label"/></cell>
      <cell colspan="{$span}"><xsl:value-of select="$value"/></cell>
    </row>
  </xsl:template>

  <!-- A person as written on forms: name (title). -->
  <xsl:template name="person">
    <xsl:param name="name"/>
    <xsl:param name="title"/>
    <xsl:value-of select="$name"/>
    <xsl:if test="$title != ''">（<xsl:value-of select="$title"/>）</xsl:if>
  </xsl:template>

  <!-- Compose-input chart data → a 公文 <chart>. -->
  <xsl:template match="chart-data" mode="chart">
    <xsl:param name="title"/>
    <xsl:param name="legend"/>
    <chart kind="{@kind}">
      <title><xsl:value-of select="$title"/></title>
      <columns>
        <xsl:for-each select="column"><column><xsl:value-of select="."/></column></xsl:for-each>
      </columns>
      <xsl:for-each select="row">
        <row label="{@label}"><xsl:value-of select="@values"/></row>
      </xsl:for-each>
      <xsl:if test="$legend != ''">
        <legend>
          <xsl:call-template name="legend-entries"><xsl:with-param name="list" select="$legend"/></xsl:call-template>
        </legend>
      </xsl:if>
    </chart>
  </xsl:template>

  <!-- "a|b|c" → <entry>a</entry><entry>b</entry><entry>c</entry> -->
  <xsl:template name="legend-entries">
    <xsl:param name="list"/>
    <entry><xsl:value-of select="substring-before(concat($list, '|'), '|')"/></entry>
    <xsl:if test="contains($list, '|')">
      <xsl:call-template name="legend-entries"><xsl:with-param name="list" select="substring-after($list, '|')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A level-1 section: heading 一、… and its paragraphs. When the record left the part empty
       (such a document renders only as a draft: the rule behind it failed) the section says so
       as a clerk would in a draft: `missing`. -->
  <xsl:template name="section">
    <xsl:param name="number"/>
    <xsl:param name="heading"/>
    <xsl:param name="text"/>
    <xsl:param name="missing" select="'此部分内容暂缺，待补充。'"/>
    <heading level="1" number="{$number}"><xsl:value-of select="$heading"/></heading>
    <xsl:choose>
      <xsl:when test="normalize-space($text) != ''">
        <xsl:call-template name="paras"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$missing"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- yyyymmdd number of an ISO date attribute value ("2009-03-25" or "2009-03-25T08:30"). -->
  <xsl:template name="day-number">
    <xsl:param name="date"/>
    <xsl:value-of select="number(translate(substring($date, 1, 10), '-', ''))"/>
  </xsl:template>

  <!-- The committee's recorded work between two days (yyyymmdd numbers, inclusive), as one
       sentence without subject or full stop: meetings by kind, decisions, research reports,
       consultations, topical reports, supervision items. Every figure is counted from the
       records; empty when the records hold nothing for the period. -->
  <xsl:template name="period-work">
    <xsl:param name="from" select="0"/>
    <xsl:param name="to" select="99999999"/>
    <xsl:variable name="R" select="$in/records"/>
    <xsl:variable name="m" select="$R/meeting[number(translate(substring(@date, 1, 10), '-', '')) &gt;= $from and number(translate(substring(@date, 1, 10), '-', '')) &lt;= $to]"/>
    <xsl:variable name="d" select="$R/decision[number(translate(substring(@date, 1, 10), '-', '')) &gt;= $from and number(translate(substring(@date, 1, 10), '-', '')) &lt;= $to]"/>
    <xsl:variable name="dy" select="$R/research-report[number(translate(substring(@date, 1, 10), '-', '')) &gt;= $from and number(translate(substring(@date, 1, 10), '-', '')) &lt;= $to]"/>
    <xsl:variable name="zx" select="$R/consultation[number(translate(substring(@report-date, 1, 10), '-', '')) &gt;= $from and number(translate(substring(@report-date, 1, 10), '-', '')) &lt;= $to]"/>
    <xsl:variable name="bg" select="$R/topical-report[number(translate(substring(@date, 1, 10), '-', '')) &gt;= $from and number(translate(substring(@date, 1, 10), '-', '')) &lt;= $to]"/>
    <!-- a supervision item dates from its instruction, or from the decision it follows up -->
    <xsl:variable name="db" select="$R/supervision[number(translate(substring(concat(@instruction-date, @decision-date), 1, 10), '-', '')) &gt;= $from and number(translate(substring(concat(@instruction-date, @decision-date), 1, 10), '-', '')) &lt;= $to]"/>
    <xsl:variable name="done" select="$db[@result-date != '' and number(translate(substring(@result-date, 1, 10), '-', '')) &lt;= $to]"/>
    <xsl:variable name="parts">
      <xsl:if test="$m">召开<xsl:for-each select="$m[not(@kind = preceding-sibling::meeting[number(translate(substring(@date, 1, 10), '-', '')) &gt;= $from and number(translate(substring(@date, 1, 10), '-', '')) &lt;= $to]/@kind)]"><xsl:variable name="k" select="@kind"/><xsl:value-of select="$k"/><xsl:value-of select="count($m[@kind = $k])"/>次<xsl:if test="position() != last()">、</xsl:if></xsl:for-each>|</xsl:if>
      <xsl:if test="$d">研究决定重大事项<xsl:value-of select="count($d)"/>项|</xsl:if>
      <xsl:if test="$dy">形成调研报告<xsl:value-of select="count($dy)"/>篇|</xsl:if>
      <xsl:if test="$zx">完成决策咨询论证<xsl:value-of select="count($zx)"/>项|</xsl:if>
      <xsl:if test="$bg">向上级报送专题报告<xsl:value-of select="count($bg)"/>份|</xsl:if>
      <xsl:if test="$db">立项督办事项<xsl:value-of select="count($db)"/>件<xsl:if test="$done">，已办结<xsl:value-of select="count($done)"/>件</xsl:if>|</xsl:if>
    </xsl:variable>
    <xsl:call-template name="join-parts"><xsl:with-param name="list" select="string($parts)"/></xsl:call-template>
  </xsl:template>

  <!-- "a|b|c|" → "a；b；c" -->
  <xsl:template name="join-parts">
    <xsl:param name="list"/>
    <xsl:if test="contains($list, '|')">
      <xsl:value-of select="substring-before($list, '|')"/>
      <xsl:if test="contains(substring-after($list, '|'), '|')">；</xsl:if>
      <xsl:call-template name="join-parts"><xsl:with-param name="list" select="substring-after($list, '|')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The validator's errors and warnings on the records `ids` (a space-separated list with a
       leading and trailing space), one numbered item each, in plain 公文 Chinese. -->
  <xsl:template name="record-findings">
    <xsl:param name="ids"/>
    <xsl:for-each select="$in/annual/regulation/finding[contains($ids, concat(' ', @record, ' '))]">
      <item level="2">
        <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
        <xsl:call-template name="finding-sentence"/></item>
    </xsl:for-each>
  </xsl:template>

  <!-- One finding (context: a <finding>) as a sentence: what the records show, in the words of
       a 公文 (compose/plain_finding.h: records by title, people by name, dates written out), and
       the clause it falls short of. -->
  <xsl:template name="finding-sentence">
    <xsl:value-of select="text"/>
    <xsl:if test="@clause != ''">，不符合<xsl:value-of select="translate(@clause, ' ', '')"/>的规定</xsl:if>
    <xsl:text>。</xsl:text>
  </xsl:template>

  <!-- Stops the document with a message naming the record when it is not in the input. -->
  <xsl:template name="require">
    <xsl:param name="node"/>
    <xsl:param name="what"/>
    <xsl:if test="not($node)">
      <xsl:message terminate="yes">找不到<xsl:value-of select="$what"/>记录 <xsl:value-of select="$record"/></xsl:message>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
