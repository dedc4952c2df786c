<?xml version="1.0" encoding="UTF-8"?>
<!-- 通报批评 (rules.md ZZ-4/ZZ-5: one of the listed measures), issued when a 责任追究 case
     includes it. Format: 通用 with 版头. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="zz-common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="c" select="$in/records/accountability[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$c"/>
      <xsl:with-param name="what" select="'责任追究'"/>
    </xsl:call-template>
    <xsl:variable name="who"><xsl:call-template name="target-name"><xsl:with-param name="c" select="$c"/></xsl:call-template></xsl:variable>
    <document kind="通报" format="通用">
      <xsl:call-template name="header"/>
      <title>关于对<xsl:value-of select="$who"/>予以通报批评的通报</title>
      <main-recipients>各有关单位：</main-recipients>
      <body>
        <p>经调查核实，<xsl:value-of select="$who"/>存在<xsl:for-each select="$c/circumstance"><xsl:call-template name="circumstance"><xsl:with-param name="code" select="."/></xsl:call-template><xsl:if test="position() != last()">；</xsl:if></xsl:for-each>的问题。根据《市、县区党委责任追究制度》有关规定，决定对<xsl:value-of select="$who"/>予以通报批评。</p>
        <p>各级党组织和领导干部要引以为戒，切实增强责任意识和大局意识，认真履行职责，确保各项决策部署落到实处。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$c/@date"/>
        <xsl:with-param name="date-cn" select="$c/@date-cn"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$c/@date"/>
        <xsl:with-param name="date-cn" select="$c/@date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
