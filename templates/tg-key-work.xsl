<?xml version="1.0" encoding="UTF-8"?>
<!-- 重点工作和重大活动安排表 of one month (rules.md TG-4): the key work and major activities of
     the 常委 and the 人大/政府/政协 leaders, compiled by the office for the secretary, deputy
     secretaries and every 常委. Format: form (a landscape-free table). period = YYYY-MM. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="items" select="$in/records/key-work[substring(@start, 1, 7) = $period]"/>
    <xsl:variable name="month" select="number(substring($period, 6, 2))"/>
    <xsl:if test="not($items)">
      <xsl:message terminate="yes">没有 <xsl:value-of select="$period"/> 的重点工作记录</xsl:message>
    </xsl:if>
    <document kind="重点工作和重大活动安排表" format="通用">
      <title><xsl:value-of select="$org-short"/><xsl:value-of select="substring($period, 1, 4)"/>年<xsl:value-of select="$month"/>月重点工作和重大活动安排表</title>
      <main-recipients>书记、副书记、各位常委：</main-recipients>
      <body>
        <table column-weights="1 2 2 5 3" header-rows="1">
          <row>
            <cell align="center">序号</cell>
            <cell align="center">单位</cell>
            <cell align="center">领导同志</cell>
            <cell align="center">重点工作、重大活动</cell>
            <cell align="center">时间</cell>
          </row>
          <xsl:for-each select="$items">
            <xsl:sort select="@start"/>
            <row>
              <cell align="center"><xsl:value-of select="position()"/></cell>
              <cell align="center"><xsl:value-of select="@organisation"/></cell>
              <cell align="center">
                <xsl:choose>
                  <xsl:when test="@person-name != ''"><xsl:value-of select="@person-name"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@person-name-as-written"/></xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell><xsl:value-of select="work"/></cell>
              <cell align="center"><xsl:value-of select="number(substring(@start, 6, 2))"/>月<xsl:value-of select="number(substring(@start, 9, 2))"/>日<xsl:if test="@end != '' and @end != @start">至<xsl:value-of select="number(substring(@end, 6, 2))"/>月<xsl:value-of select="number(substring(@end, 9, 2))"/>日</xsl:if></cell>
            </row>
          </xsl:for-each>
        </table>
      </body>
      <signatures><signature><xsl:value-of select="$org-short"/>办公室</signature></signatures>
      <!-- 成文日期 (GB/T 9704-2012 7.3.5): the records give no compilation date; the table is
           dated on the first day of the month it plans. -->
      <date value="{$period}-01"><xsl:call-template name="date-written"><xsl:with-param name="iso" select="concat($period, '-01')"/></xsl:call-template></date>
      <seal kind="none"/>
    </document>
  </xsl:template>
</xsl:stylesheet>
