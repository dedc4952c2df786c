<?xml version="1.0" encoding="UTF-8"?>
<!-- 突发公共事件报告 to the superior committee (rules.md BG-2: within 2 hours). Format: 通用
     with 版头, upward (签发人: the committee's principal leader), marked 特急. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/emergency[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'突发公共事件'"/>
    </xsl:call-template>
    <xsl:variable name="to">
      <xsl:choose>
        <xsl:when test="$r/@reported-to != ''"><xsl:value-of select="$r/@reported-to"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$superior"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="报告" format="通用">
      <header>
        <urgency>特急</urgency>
        <issuers><issuer><xsl:value-of select="$org"/></issuer></issuers>
        <xsl:if test="$in/@principal-name != ''">
          <signers><signer><xsl:value-of select="$in/@principal-name"/></signer></signers>
        </xsl:if>
      </header>
      <title>关于<xsl:choose><xsl:when test="starts-with($r/title, '关于')"><xsl:value-of select="substring-after($r/title, '关于')"/></xsl:when><xsl:otherwise><xsl:value-of select="$r/title"/></xsl:otherwise></xsl:choose>的报告</title>
      <main-recipients><xsl:value-of select="$to"/>：</main-recipients>
      <body>
        <p><xsl:value-of select="$r/@occurred-cn"/>，<xsl:value-of select="$r/title"/>。<xsl:value-of select="$org-short"/>于<xsl:value-of select="$r/@reported-cn"/>向<xsl:value-of select="$to"/>报告。现将有关情况报告如下。</p>
        <heading level="1" number="一、">事件基本情况</heading>
        <p>（事件发生的时间、地点、范围和已造成的影响。）</p>
        <heading level="1" number="二、">已采取的措施</heading>
        <p>（应急处置措施和下一步工作安排。）</p>
        <p>特此报告，后续情况将及时续报。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$r/@reported-date"/>
        <xsl:with-param name="date-cn" select="$r/@reported-date-cn"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$r/@reported-date"/>
        <xsl:with-param name="date-cn" select="$r/@reported-date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
