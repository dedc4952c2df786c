<?xml version="1.0" encoding="UTF-8"?>
<!-- 民主测评结果 (rules.md JD-1a, JD-1b): one row per person (or the team) with the vote counts;
     a person whose 不称职 or 较差 votes exceed one third of the valid votes is marked for 督察.
     Format: form (a table). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="e" select="$in/records/evaluation[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$e"/>
      <xsl:with-param name="what" select="'民主测评'"/>
    </xsl:call-template>
    <xsl:variable name="scale-good" select="sum($e/votes/@good) + sum($e/votes/@fairly-good) + sum($e/votes/@average) + sum($e/votes/@poor) &gt; 0"/>
    <document kind="民主测评结果" format="通用">
      <title><xsl:value-of select="$org-short"/>领导班子和成员<xsl:value-of select="$e/@year"/>年度<xsl:value-of select="$e/@method"/>结果</title>
      <body>
        <table header-rows="1">
          <xsl:attribute name="column-weights"><xsl:choose><xsl:when test="$scale-good">3 2 2 2 2 2 2 3</xsl:when><xsl:otherwise>3 2 2 2 2 2 3</xsl:otherwise></xsl:choose></xsl:attribute>
          <row>
            <cell align="center">姓名</cell>
            <cell align="center">有效票</cell>
            <xsl:choose>
              <xsl:when test="$scale-good">
                <cell align="center">好</cell><cell align="center">较好</cell><cell align="center">一般</cell><cell align="center">较差</cell>
              </xsl:when>
              <xsl:otherwise>
                <cell align="center">称职</cell><cell align="center">基本称职</cell><cell align="center">不称职</cell>
              </xsl:otherwise>
            </xsl:choose>
            <cell align="center">否定票比例</cell>
            <cell align="center">备注</cell>
          </row>
          <xsl:for-each select="$e/votes">
            <xsl:variable name="negative">
              <xsl:choose>
                <xsl:when test="$scale-good"><xsl:value-of select="@poor"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@incompetent"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <row>
              <cell align="center">
                <xsl:choose>
                  <xsl:when test="@person-name != ''"><xsl:value-of select="@person-name"/></xsl:when>
                  <xsl:otherwise>领导班子</xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell align="center"><xsl:value-of select="@valid"/></cell>
              <xsl:choose>
                <xsl:when test="$scale-good">
                  <cell align="center"><xsl:value-of select="@good"/></cell><cell align="center"><xsl:value-of select="@fairly-good"/></cell>
                  <cell align="center"><xsl:value-of select="@average"/></cell><cell align="center"><xsl:value-of select="@poor"/></cell>
                </xsl:when>
                <xsl:otherwise>
                  <cell align="center"><xsl:value-of select="@competent"/></cell><cell align="center"><xsl:value-of select="@basically-competent"/></cell>
                  <cell align="center"><xsl:value-of select="@incompetent"/></cell>
                </xsl:otherwise>
              </xsl:choose>
              <cell align="center"><xsl:if test="@valid &gt; 0"><xsl:value-of select="format-number($negative * 100 div @valid, '0.0')"/>%</xsl:if></cell>
              <cell><xsl:if test="@over-third = 'true'">超过有效票三分之一，应进行督察</xsl:if></cell>
            </row>
          </xsl:for-each>
        </table>
        <p>说明：依据监督制度第（一）条，“不称职”票或“较差”票超过有效票三分之一的领导干部，应及时对其进行督察和了解。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$e/@date"/>
        <xsl:with-param name="date-cn" select="$e/@date-cn"/>
        <xsl:with-param name="signature" select="concat($org-short, '组织部')"/>
        <xsl:with-param name="seal" select="'none'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
