<?xml version="1.0" encoding="UTF-8"?>
<!-- 常委会例会纪要 (rules.md TG-2: a monthly 例会 hearing the 常委's work reports). Format: 纪要
     (GB/T 9704-2012 10.3) with 出席 / 请假 / 列席. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="m" select="$in/records/meeting[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$m"/>
      <xsl:with-param name="what" select="'会议'"/>
    </xsl:call-template>
    <document kind="纪要" format="纪要">
      <header>
        <issuers><issuer><xsl:value-of select="$org-short"/>常委会议</issuer></issuers>
      </header>
      <title><xsl:value-of select="$m/title"/>纪要</title>
      <body>
        <p><xsl:value-of select="$m/@date-cn"/>，<xsl:if test="$in/@principal-name != ''"><xsl:value-of select="$in/@principal-name"/>同志主持召开</xsl:if><xsl:value-of select="$m/title"/><xsl:if test="$m/@hears-work-reports = 'true'">，听取各常委分管工作汇报</xsl:if>。会议纪要如下。</p>
        <xsl:if test="$m/agenda">
          <heading level="1" number="一、">会议议题</heading>
          <xsl:for-each select="$m/agenda">
            <item level="2">
              <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
              <xsl:value-of select="@title"/><xsl:if test="@proposer-name != ''">（<xsl:value-of select="@proposer-name"/>同志提出）</xsl:if>。</item>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$m/decided">
          <heading level="1">
            <xsl:attribute name="number"><xsl:choose><xsl:when test="$m/agenda">二、</xsl:when><xsl:otherwise>一、</xsl:otherwise></xsl:choose></xsl:attribute>会议决定事项</heading>
          <xsl:for-each select="$m/decided">
            <item level="2">
              <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
              <xsl:value-of select="@title"/><xsl:if test="@responsible-name != ''">，由<xsl:value-of select="@responsible-name"/>同志负责</xsl:if><xsl:if test="@deadline-cn != ''">，<xsl:value-of select="@deadline-cn"/>前完成</xsl:if>。</item>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="not($m/agenda) and not($m/decided)">
          <xsl:if test="$m/theme != ''"><p>会议主题：<xsl:value-of select="$m/theme"/>。</p></xsl:if>
          <p>本次会议未形成议定事项。</p>
        </xsl:if>
      </body>
      <attendance>
        <xsl:if test="$m/attendee">
          <present><xsl:for-each select="$m/attendee"><person><xsl:value-of select="@ref-name"/></person></xsl:for-each></present>
        </xsl:if>
        <xsl:if test="$m/absentee">
          <absent><xsl:for-each select="$m/absentee"><person><xsl:value-of select="@ref-name"/><xsl:if test="@reason != ''">（<xsl:value-of select="@reason"/>）</xsl:if></person></xsl:for-each></absent>
        </xsl:if>
        <xsl:if test="$m/observer">
          <attending><xsl:for-each select="$m/observer"><person><xsl:value-of select="@name"/><xsl:if test="@title != ''">（<xsl:value-of select="@title"/>）</xsl:if></person></xsl:for-each></attending>
        </xsl:if>
      </attendance>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$m/@date"/>
        <xsl:with-param name="date-cn" select="$m/@date-cn"/>
        <xsl:with-param name="cc" select="'各位常委。'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
