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
        <xsl:when test="$r/@reported-to != ''">
          <xsl:call-template name="body-name"><xsl:with-param name="ref" select="$r/@reported-to"/></xsl:call-template>
        </xsl:when>
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
        <!-- What the record holds is when it happened, when it became known and when it was
             reported; the losses and the handling are not in the records, and a first report
             (首报) says so: they are being verified and follow in a further report (续报). -->
        <p>现将<xsl:value-of select="$r/title"/>的有关情况报告如下。</p>
        <heading level="1" number="一、">事件基本情况</heading>
        <p><xsl:value-of select="$r/@occurred-cn"/>，<xsl:value-of select="$r/title"/>。<xsl:if test="$r/@known-cn != ''"><xsl:value-of select="$org-short"/>于<xsl:value-of select="$r/@known-cn"/>获知。</xsl:if></p>
        <heading level="1" number="二、">报告和处置情况</heading>
        <p><xsl:value-of select="$org-short"/>于<xsl:value-of select="$r/@reported-cn"/>向<xsl:value-of select="$to"/>首报。事件造成的损失和应急处置情况正在进一步核实，核实后及时续报。</p>
        <p>特此报告。</p>
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
