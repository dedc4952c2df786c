<?xml version="1.0" encoding="UTF-8"?>
<!-- 督办通知单 (rules.md DB-2: every matter decided by the 常委会 has a responsible 常委 and a
     supervision record; DB-4: a leader's 批示 is done by its deadline). Format: form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="s" select="$in/records/supervision[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$s"/>
      <xsl:with-param name="what" select="'督办事项'"/>
    </xsl:call-template>
    <xsl:variable name="issued">
      <xsl:choose>
        <xsl:when test="$s/@instruction-date != ''"><xsl:value-of select="$s/@instruction-date"/></xsl:when>
        <xsl:when test="$s/@decision-date != ''"><xsl:value-of select="$s/@decision-date"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="issued-cn">
      <xsl:choose>
        <xsl:when test="$s/@instruction-date != ''"><xsl:value-of select="$s/@instruction-date-cn"/></xsl:when>
        <xsl:when test="$s/@decision-date != ''"><xsl:value-of select="$s/@decision-date-cn"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <document kind="督办通知单" format="通用">
      <title><xsl:value-of select="$org-short"/>督查督办通知单</title>
      <main-recipients><xsl:value-of select="$s/@target"/>：</main-recipients>
      <body>
        <table column-weights="2 3 2 3" header-rows="0">
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'督办事项'"/>
            <xsl:with-param name="value" select="$s/title"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'事项来源'"/>
            <xsl:with-param name="value">
              <xsl:value-of select="$s/@source"/>
              <xsl:if test="$s/@decision-title != ''">：<xsl:value-of select="$s/@decision-title"/></xsl:if>
              <xsl:if test="$s/@instructed-by-name != ''">：<xsl:value-of select="$s/@instructed-by-name"/>同志批示</xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <row>
            <cell align="center">分管常委</cell>
            <cell><xsl:value-of select="$s/@responsible-name"/></cell>
            <cell align="center">承办单位</cell>
            <cell><xsl:value-of select="$s/@target"/></cell>
          </row>
          <row>
            <cell align="center">交办日期</cell>
            <cell><xsl:value-of select="$issued-cn"/></cell>
            <cell align="center">办结时限</cell>
            <cell><xsl:value-of select="$s/@deadline-cn"/></cell>
          </row>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'督查方式'"/>
            <xsl:with-param name="value">
              <xsl:for-each select="$s/activity/method[not(. = preceding::method[ancestor::supervision[@id = $record]])]"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'办理要求'"/>
            <xsl:with-param name="value" select="'请按时限要求认真办理，并将办理结果书面报送督查部门。'"/>
          </xsl:call-template>
        </table>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$issued"/>
        <xsl:with-param name="date-cn" select="$issued-cn"/>
        <xsl:with-param name="signature">
          <xsl:choose>
            <xsl:when test="$s/@organiser != ''"><xsl:value-of select="$s/@organiser"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$org-short"/>督查室</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="seal" select="'none'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
