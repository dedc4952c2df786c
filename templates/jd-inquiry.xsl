<?xml version="1.0" encoding="UTF-8"?>
<!-- 函询函 (rules.md JD-3): a letter from the 纪检机关 or 组织部门 asking a leader to explain in
     writing, with the reply deadline. Format: 信函 (GB/T 9704-2012 10.1). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="q" select="$in/records/inquiry[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$q"/>
      <xsl:with-param name="what" select="'函询'"/>
    </xsl:call-template>
    <xsl:variable name="issuer">
      <xsl:choose>
        <xsl:when test="$q/@issuer = '组织部门'"><xsl:value-of select="$org-short"/>组织部</xsl:when>
        <xsl:otherwise><xsl:value-of select="$org-short"/>纪律检查委员会</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="函" format="信函">
      <header>
        <issuers wenjian="false"><issuer><xsl:value-of select="$issuer"/></issuer></issuers>
      </header>
      <title>关于请<xsl:value-of select="$q/@person-name"/>同志说明有关问题的函</title>
      <main-recipients><xsl:value-of select="$q/@person-name"/>同志：</main-recipients>
      <body>
        <p>根据群众反映，<xsl:if test="$q/@about-team = 'true'">你所在领导班子</xsl:if>存在需要说明的问题。依据监督制度第（三）条，现以书面形式向你函询。</p>
        <p>请你对反映的问题作出书面说明<xsl:if test="$q/@deadline-cn != ''">，并于<xsl:value-of select="$q/@deadline-cn"/>前</xsl:if>将说明材料报送<xsl:value-of select="$issuer"/>。无故不回复或拒不回复的，将作出组织处理。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$q/@date"/>
        <xsl:with-param name="date-cn" select="$q/@date-cn"/>
        <xsl:with-param name="signature" select="$issuer"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
