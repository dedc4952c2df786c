<?xml version="1.0" encoding="UTF-8"?>
<!-- 诫勉谈话记录 (rules.md JD-2: conducted by the 纪检机关 and the 组织部门; an uncorrected
     problem leads to 批评教育 or 组织处理). Format: form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="a" select="$in/records/admonition[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$a"/>
      <xsl:with-param name="what" select="'诫勉谈话'"/>
    </xsl:call-template>
    <document kind="诫勉谈话记录" format="通用">
      <title>诫勉谈话记录</title>
      <body>
        <table column-weights="2 3 2 3" header-rows="0">
          <row>
            <cell align="center">谈话对象</cell>
            <cell><xsl:value-of select="$a/@person-name"/></cell>
            <cell align="center">职务</cell>
            <cell><xsl:value-of select="$a/@person-title"/></cell>
          </row>
          <row>
            <cell align="center">谈话时间</cell>
            <cell><xsl:value-of select="$a/@date-cn"/></cell>
            <cell align="center">谈话机关</cell>
            <cell><xsl:for-each select="$a/conducted-by"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each></cell>
          </row>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'存在的主要问题'"/>
            <xsl:with-param name="value" select="$a/problem"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'改正情况'"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="$a/@corrected = 'true'">已改正</xsl:when>
                <xsl:when test="$a/@corrected = 'false'">未改正或改正不明显</xsl:when>
                <xsl:otherwise>待跟踪</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'后续处理'"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="$a/@follow-up != '' and $a/@follow-up != '无'"><xsl:value-of select="$a/@follow-up"/><xsl:if test="$a/@follow-up-date-cn != ''">（<xsl:value-of select="$a/@follow-up-date-cn"/>）</xsl:if></xsl:when>
                <xsl:otherwise>无</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </table>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$a/@date"/>
        <xsl:with-param name="date-cn" select="$a/@date-cn"/>
        <xsl:with-param name="signature" select="''"/>
        <xsl:with-param name="seal" select="'none'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
