<?xml version="1.0" encoding="UTF-8"?>
<!-- 党组工作报告报送单: the cover of a quarterly work report of the 人大/政府/政协党组 to the
     常委会 (rules.md BG-5). Format: form (通用 without 版头, one table). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/party-group-report[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'党组工作报告'"/>
    </xsl:call-template>
    <xsl:variable name="quarter">
      <xsl:choose>
        <xsl:when test="$r/@quarter != ''">第<xsl:call-template name="cn-number"><xsl:with-param name="n" select="$r/@quarter"/></xsl:call-template>季度</xsl:when>
        <xsl:otherwise></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="党组工作报告报送单" format="通用">
      <title><xsl:value-of select="$r/@group"/><xsl:value-of select="$year"/>年<xsl:value-of select="$quarter"/>工作报告报送单</title>
      <body>
        <table column-weights="1 3" header-rows="0">
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'报送单位'"/>
            <xsl:with-param name="value" select="$r/@group"/>
            <xsl:with-param name="span" select="1"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'报送对象'"/>
            <xsl:with-param name="value" select="concat($org-short, '常委会')"/>
            <xsl:with-param name="span" select="1"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'报告期'"/>
            <xsl:with-param name="value" select="concat($year, '年', $quarter)"/>
            <xsl:with-param name="span" select="1"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'报送日期'"/>
            <xsl:with-param name="value" select="$r/@date-cn"/>
            <xsl:with-param name="span" select="1"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'听取报告的会议'"/>
            <xsl:with-param name="value" select="$in/records/meeting[@id = $r/@meeting]/title"/>
            <xsl:with-param name="span" select="1"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'依据'"/>
            <xsl:with-param name="value" select="'定期报告制度第（五）条：人大、政府、政协党组原则上每季度向同级党委常委会报告一次工作。'"/>
            <xsl:with-param name="span" select="1"/>
          </xsl:call-template>
        </table>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$r/@date"/>
        <xsl:with-param name="date-cn" select="$r/@date-cn"/>
        <xsl:with-param name="signature" select="$r/@group"/>
        <xsl:with-param name="seal" select="'none'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
