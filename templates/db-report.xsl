<?xml version="1.0" encoding="UTF-8"?>
<!-- 督查情况通报 (rules.md DB-6): the feedback on one supervised matter with the five parts the
     clause requires, in its order: 措施, 经验和效果, 干部群众的反映、意见和要求, 影响落实的主要问题,
     进一步加强落实的建议. Format: 通用 with 版头. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="s" select="$in/records/supervision[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$s/feedback"/>
      <xsl:with-param name="what" select="'督查反馈'"/>
    </xsl:call-template>
    <xsl:variable name="f" select="$s/feedback"/>
    <document kind="通报" format="通用">
      <xsl:call-template name="header"/>
      <!-- a matter titled 关于… does not repeat 关于 in the 标题 -->
      <title>关于<xsl:choose><xsl:when test="starts-with($s/title, '关于')"><xsl:value-of select="substring-after($s/title, '关于')"/></xsl:when><xsl:otherwise><xsl:value-of select="$s/title"/></xsl:otherwise></xsl:choose>督查情况的通报</title>
      <main-recipients>各有关单位：</main-recipients>
      <body>
        <p>按照<xsl:value-of select="$org-short"/>督查督办工作安排，<xsl:value-of select="$s/@organiser"/>对<xsl:value-of select="$s/@target"/>承办的“<xsl:value-of select="$s/title"/>”进行了督查。<xsl:if test="$s/result != ''"><xsl:value-of select="$s/result"/></xsl:if>现将督查情况通报如下。</p>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'一、'"/>
          <xsl:with-param name="heading" select="'贯彻实施的措施'"/>
          <xsl:with-param name="missing" select="'督查中未反映此方面的情况。'"/>
          <xsl:with-param name="text" select="$f/measures"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'二、'"/>
          <xsl:with-param name="heading" select="'经验和效果'"/>
          <xsl:with-param name="missing" select="'督查中未反映此方面的情况。'"/>
          <xsl:with-param name="text" select="$f/experience"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'三、'"/>
          <xsl:with-param name="heading" select="'干部群众的反映、意见和要求'"/>
          <xsl:with-param name="missing" select="'督查中未反映此方面的情况。'"/>
          <xsl:with-param name="text" select="$f/reactions"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'四、'"/>
          <xsl:with-param name="heading" select="'影响落实的主要问题'"/>
          <xsl:with-param name="missing" select="'督查中未反映此方面的情况。'"/>
          <xsl:with-param name="text" select="$f/obstacles"/>
        </xsl:call-template>
        <xsl:call-template name="section">
          <xsl:with-param name="number" select="'五、'"/>
          <xsl:with-param name="heading" select="'进一步加强落实的建议'"/>
          <xsl:with-param name="missing" select="'督查中未反映此方面的情况。'"/>
          <xsl:with-param name="text" select="$f/suggestions"/>
        </xsl:call-template>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$f/@date"/>
        <xsl:with-param name="date-cn" select="$f/@date-cn"/>
        <xsl:with-param name="signature" select="concat($org-short, '办公室')"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$f/@date"/>
        <xsl:with-param name="date-cn" select="$f/@date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
