<?xml version="1.0" encoding="UTF-8"?>
<!-- 制度执行情况报告: the annual report of one committee (or, with city-wide, of the city as a
     whole) on the seven regulations of 市委发〔2009〕32号: per regulation what was required,
     what the records show was done, and what failed — the validator's findings cited by rule
     id and clause — with three vector charts (compliance grid, 例会/碰头会 calendar, open 督办
     items per month). Format: 通用 with 版头, upward (签发人: principal leader). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="a" select="$in/annual"/>
    <xsl:variable name="city" select="$city-wide = 'true'"/>
    <xsl:variable name="scope"><xsl:choose><xsl:when test="$city">全市</xsl:when><xsl:otherwise><xsl:value-of select="$org-short"/></xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="failing" select="count($a/regulation[@status = 'error'])"/>
    <document kind="报告" format="通用">
      <xsl:call-template name="header">
        <xsl:with-param name="signer" select="$in/@principal-name"/>
      </xsl:call-template>
      <title>关于<xsl:value-of select="$scope"/><xsl:value-of select="$a/@year"/>年度党委工作机制配套制度执行情况的报告</title>
      <main-recipients><xsl:value-of select="$superior"/>：</main-recipients>
      <body>
        <p>根据《关于印发规范和完善市、县区党委工作机制若干配套制度（试行）的通知》（市委发〔2009〕32号）要求，现将<xsl:value-of select="$scope"/><xsl:value-of select="$a/@year"/>年度七项配套制度执行情况报告如下。</p>
        <heading level="1" number="一、">总体情况</heading>
        <p>七项制度中，<xsl:value-of select="count($a/regulation[@status = 'ok'])"/>项未发现问题，<xsl:value-of select="count($a/regulation[@status = 'warning'])"/>项存在需要改进的问题，<xsl:value-of select="$failing"/>项存在未达到制度要求的问题。各项制度执行情况见下图。</p>
        <xsl:apply-templates select="$a/chart-data[@name = 'compliance']" mode="chart">
          <xsl:with-param name="title" select="concat($scope, $a/@year, '年度制度执行情况')"/>
          <xsl:with-param name="legend" select="'符合要求|需要改进|未达要求'"/>
        </xsl:apply-templates>
        <xsl:for-each select="$a/regulation">
          <heading level="1">
            <xsl:attribute name="number"><xsl:call-template name="cn-number"><xsl:with-param name="n" select="position() + 1"/></xsl:call-template>、</xsl:attribute>
            <xsl:value-of select="@name"/>
          </heading>
          <p>制度要求：<xsl:value-of select="required"/></p>
          <p>执行情况：<xsl:value-of select="done"/></p>
          <xsl:if test="@code = 'TG'">
            <xsl:apply-templates select="$a/chart-data[@name = 'meetings']" mode="chart">
              <xsl:with-param name="title" select="concat($org-short, $a/@year, '年常委会例会和碰头会')"/>
              <xsl:with-param name="legend" select="'常委会例会|常委碰头会|例会和碰头会'"/>
            </xsl:apply-templates>
          </xsl:if>
          <xsl:if test="@code = 'DB'">
            <xsl:apply-templates select="$a/chart-data[@name = 'supervision']" mode="chart">
              <xsl:with-param name="title" select="concat($scope, $a/@year, '年各月末未办结督办事项')"/>
              <xsl:with-param name="legend" select="'未办结督办事项'"/>
            </xsl:apply-templates>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="finding">
              <p>存在问题（<xsl:value-of select="@errors"/>项未达要求，<xsl:value-of select="@warnings"/>项需要改进）：</p>
              <xsl:for-each select="finding">
                <item level="2">
                  <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
                  <xsl:if test="$city and @committee-name != ''"><xsl:value-of select="@committee-name"/>：</xsl:if><xsl:call-template name="finding-sentence"/></item>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise><p>存在问题：未发现不符合制度要求的问题。</p></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="observation">
            <p>有关统计：<xsl:for-each select="observation"><xsl:value-of select="text"/><xsl:choose><xsl:when test="position() != last()">；</xsl:when><xsl:otherwise>。</xsl:otherwise></xsl:choose></xsl:for-each></p>
          </xsl:if>
          <!-- Matters not yet due as of the report's date: one sentence, not a second numbered
               list under the same heading (GW-5: the numbers of one level run on). -->
          <xsl:if test="pending">
            <p>尚未到期、继续跟踪办理的事项<xsl:value-of select="count(pending)"/>项：<xsl:for-each select="pending"><xsl:if test="$city and @committee-name != ''"><xsl:value-of select="@committee-name"/>，</xsl:if><xsl:value-of select="text"/><xsl:choose><xsl:when test="position() != last()">；</xsl:when><xsl:otherwise>。</xsl:otherwise></xsl:choose></xsl:for-each></p>
          </xsl:if>
        </xsl:for-each>
        <p>特此报告。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$a/@report-date"/>
        <xsl:with-param name="date-cn" select="$a/@report-date-cn"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$a/@report-date"/>
        <xsl:with-param name="date-cn" select="$a/@report-date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
