<?xml version="1.0" encoding="UTF-8"?>
<!-- 专题报告 to the superior committee on carrying out its directive (rules.md BG-1). Format:
     通用 with 版头; an upward document, so 签发人 is shown (GB/T 9704-2012 7.2.6). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/topical-report[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'专题报告'"/>
    </xsl:call-template>
    <xsl:variable name="to">
      <xsl:choose>
        <xsl:when test="$r/@directive-from != ''"><xsl:value-of select="$r/@directive-from"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$superior"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="报告" format="通用">
      <xsl:call-template name="header">
        <xsl:with-param name="signer" select="$r/@signed-by-name"/>
      </xsl:call-template>
      <title><xsl:value-of select="$r/title"/></title>
      <main-recipients><xsl:value-of select="$to"/>：</main-recipients>
      <body>
        <xsl:if test="$r/@directive-title != ''">
          <p><xsl:if test="$r/@directive-date-cn != ''"><xsl:value-of select="$r/@directive-date-cn"/>，</xsl:if><xsl:value-of select="$to"/>作出《<xsl:value-of select="$r/@directive-title"/>》。<xsl:value-of select="$org-short"/>认真组织贯彻落实，现将有关情况专题报告如下。</p>
        </xsl:if>
        <heading level="1" number="一、">贯彻落实情况</heading>
        <p>（由承办部门填写贯彻落实的主要措施和成效。）</p>
        <heading level="1" number="二、">存在的问题和下一步打算</heading>
        <p>（由承办部门填写。）</p>
        <p>特此报告。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$r/@date"/>
        <xsl:with-param name="date-cn" select="$r/@date-cn"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$r/@date"/>
        <xsl:with-param name="date-cn" select="$r/@date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
