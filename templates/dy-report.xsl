<?xml version="1.0" encoding="UTF-8"?>
<!-- 调研报告 (rules.md DY-1b: 有情况、有分析、有建议). Format: 通用, without 版头 (a 常委's own
     report, signed by the author). One per research-report record. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/research-report[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'调研报告'"/>
    </xsl:call-template>
    <document kind="调研报告" format="通用">
      <title>
        <xsl:choose>
          <xsl:when test="contains($r/title, '报告')"><xsl:value-of select="$r/title"/></xsl:when>
          <xsl:otherwise>关于<xsl:value-of select="$r/title"/>的调研报告</xsl:otherwise>
        </xsl:choose>
      </title>
      <main-recipients><xsl:value-of select="$org"/>：</main-recipients>
      <body>
        <xsl:if test="$r/@topic-title != ''">
          <p>按照<xsl:value-of select="$year"/>年度调研专题“<xsl:value-of select="$r/@topic-title"/>”的安排，现将调研情况报告如下。</p>
        </xsl:if>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'一、'"/>
          <xsl:with-param name="heading" select="'基本情况'"/>
          <xsl:with-param name="text" select="$r/situation"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'二、'"/>
          <xsl:with-param name="heading" select="'分析'"/>
          <xsl:with-param name="text" select="$r/analysis"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'三、'"/>
          <xsl:with-param name="heading" select="'对策建议'"/>
          <xsl:with-param name="text" select="$r/suggestions"/>
        </xsl:call-template>
        <xsl:for-each select="$r/recommendation">
          <item level="2">
            <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
            <xsl:value-of select="text"/>
          </item>
        </xsl:for-each>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$r/@date"/>
        <xsl:with-param name="date-cn" select="$r/@date-cn"/>
        <xsl:with-param name="signature" select="$r/@author-name"/>
        <xsl:with-param name="seal" select="'none'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
