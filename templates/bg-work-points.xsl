<?xml version="1.0" encoding="UTF-8"?>
<!-- 年中/年末 written report on carrying out the superior committee's annual work points
     (rules.md BG-6). Format: 通用 with 版头, upward (签发人: principal leader). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/work-point-report[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'工作要点落实情况报告'"/>
    </xsl:call-template>
    <xsl:variable name="when">
      <xsl:choose>
        <xsl:when test="$r/@kind = '年中'">上半年</xsl:when>
        <xsl:otherwise>全年</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="报告" format="通用">
      <xsl:call-template name="header">
        <xsl:with-param name="signer" select="$in/@principal-name"/>
      </xsl:call-template>
      <title>关于<xsl:value-of select="$r/@year"/>年<xsl:value-of select="$when"/>贯彻落实<xsl:value-of select="$superior"/>年度工作要点情况的报告</title>
      <main-recipients><xsl:value-of select="$superior"/>：</main-recipients>
      <body>
        <p>按照定期报告制度第（六）条的要求，现将<xsl:value-of select="$org-short"/><xsl:value-of select="$r/@year"/>年<xsl:value-of select="$when"/>贯彻落实<xsl:value-of select="$superior"/>年度工作要点的情况报告如下。</p>
        <heading level="1" number="一、">工作要点落实情况</heading>
        <p>（逐项填写工作要点的落实进度和成效。）</p>
        <heading level="1" number="二、">存在的主要问题</heading>
        <p>（由承办部门填写。）</p>
        <heading level="1" number="三、">下一步工作安排</heading>
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
