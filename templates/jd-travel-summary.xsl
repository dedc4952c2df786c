<?xml version="1.0" encoding="UTF-8"?>
<!-- 外出请假情况汇总 of one half-year (rules.md JD-4.3): the county committee's report to the
     市委组织部 of its members' trips and leave. Every row comes from a travel-leave record of
     the half-year, and the totals are counted from the same rows, so the summary agrees with
     the records by construction. Format: 通用 with 版头; period = YYYY-H1 / YYYY-H2. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="y" select="substring($period, 1, 4)"/>
    <xsl:variable name="h" select="substring($period, 7, 1)"/>
    <xsl:variable name="rows" select="$in/records/travel-leave[substring(@start, 1, 4) = $y and @half = $h]"/>
    <xsl:variable name="trips" select="$rows[@kind = '因公外出']"/>
    <xsl:variable name="leaves" select="$rows[@kind = '因私请假']"/>
    <xsl:variable name="half-name"><xsl:choose><xsl:when test="$h = '1'">上半年</xsl:when><xsl:otherwise>下半年</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="summary" select="$in/records/travel-summary[@half = $h][1]"/>
    <!-- 成文日期: when the summary was reported, as the records say; without a record of it, the
         last day of the half-year it covers (as the annual report is dated on 31 December; a
         clerk may re-date the document model before issuing it). -->
    <xsl:variable name="date">
      <xsl:choose>
        <xsl:when test="$summary/@date != ''"><xsl:value-of select="$summary/@date"/></xsl:when>
        <xsl:when test="$h = '1'"><xsl:value-of select="concat($y, '-06-30')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat($y, '-12-31')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="date-cn">
      <xsl:choose>
        <xsl:when test="$summary/@date-cn != ''"><xsl:value-of select="$summary/@date-cn"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="date-written"><xsl:with-param name="iso" select="$date"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="报告" format="通用">
      <xsl:call-template name="header"/>
      <title>关于<xsl:value-of select="$y"/>年<xsl:value-of select="$half-name"/>领导班子成员外出和请假情况的报告</title>
      <main-recipients><xsl:value-of select="$superior-organisation-dept"/>：</main-recipients>
      <body>
        <p>根据监督制度第（四）条第3项的规定，现将<xsl:value-of select="$org-short"/>领导班子成员<xsl:value-of select="$y"/>年<xsl:value-of select="$half-name"/>外出和请假情况汇总报告如下：本期因公外出<xsl:value-of select="count($trips)"/>人次，因私请假<xsl:value-of select="count($leaves)"/>人次，合计<xsl:value-of select="count($rows)"/>人次，共<xsl:value-of select="sum($rows/@days)"/>天。</p>
        <table column-weights="1 2 2 3 3 2 3" header-rows="1">
          <caption><xsl:value-of select="$org-short"/>领导班子成员<xsl:value-of select="$y"/>年<xsl:value-of select="$half-name"/>外出和请假情况汇总表</caption>
          <row>
            <cell align="center">序号</cell>
            <cell align="center">姓名</cell>
            <cell align="center">类别</cell>
            <cell align="center">起止日期</cell>
            <cell align="center">地点及事由</cell>
            <cell align="center">天数</cell>
            <cell align="center">审批人</cell>
          </row>
          <xsl:for-each select="$rows">
            <xsl:sort select="@start"/>
            <row>
              <cell align="center"><xsl:value-of select="position()"/></cell>
              <cell align="center"><xsl:value-of select="@person-name"/></cell>
              <cell align="center"><xsl:value-of select="@kind"/></cell>
              <cell align="center"><xsl:call-template name="date-range-written"><xsl:with-param name="from" select="@start-cn"/><xsl:with-param name="to" select="@end-cn"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@destination"/>，<xsl:value-of select="reason"/></cell>
              <cell align="center"><xsl:value-of select="@days"/></cell>
              <cell align="center"><xsl:for-each select="approval"><xsl:value-of select="@approver-name"/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each></cell>
            </row>
          </xsl:for-each>
          <row>
            <cell align="center" colspan="2">合计</cell>
            <cell align="center" colspan="3"><xsl:value-of select="concat('因公外出', count($trips), '人次，因私请假', count($leaves), '人次')"/></cell>
            <cell align="center"><xsl:value-of select="sum($rows/@days)"/></cell>
            <cell/>
          </row>
        </table>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$date"/>
        <xsl:with-param name="date-cn" select="$date-cn"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$date"/>
        <xsl:with-param name="date-cn" select="$date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
