<?xml version="1.0" encoding="UTF-8"?>
<!-- 责任追究决定 (rules.md ZZ-1…ZZ-7): the circumstance(s) of clause (二), the main/secondary
     responsibility of clause (三), and the measures of clauses (四)/(五). Format: 通用 with 版头. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="zz-common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="c" select="$in/records/accountability[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$c"/>
      <xsl:with-param name="what" select="'责任追究'"/>
    </xsl:call-template>
    <xsl:variable name="who"><xsl:call-template name="target-name"><xsl:with-param name="c" select="$c"/></xsl:call-template></xsl:variable>
    <xsl:variable name="body-name">
      <xsl:choose>
        <xsl:when test="$c/@deciding-body != ''"><xsl:value-of select="$c/@deciding-body"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$org"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- 署名 (7.3.5): the deciding body by name. "区委", "县委", "市委" in the record is this
         committee (its full name); a committee of the records by its full name; another body
         as the record writes it. -->
    <xsl:variable name="signature">
      <xsl:choose>
        <xsl:when test="$c/@deciding-body = '' or $c/@deciding-body = '区委' or $c/@deciding-body = '县委' or $c/@deciding-body = '市委'"><xsl:value-of select="$org"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="body-name"><xsl:with-param name="ref" select="$c/@deciding-body"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="决定" format="通用">
      <xsl:call-template name="header"/>
      <title>关于对<xsl:value-of select="$who"/>进行责任追究的决定</title>
      <body>
        <p>经调查核实，<xsl:value-of select="$who"/>存在以下情形：</p>
        <xsl:for-each select="$c/circumstance">
          <item level="2">
            <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
            <xsl:call-template name="circumstance"><xsl:with-param name="code" select="."/></xsl:call-template>（责任追究制度第（二）条第<xsl:value-of select="."/>项）。</item>
        </xsl:for-each>
        <xsl:if test="$c/responsibility">
          <p>责任认定：<xsl:for-each select="$c/responsibility"><xsl:value-of select="@person-name"/>（<xsl:value-of select="@position"/>）负<xsl:value-of select="@level"/><xsl:choose><xsl:when test="position() != last()">；</xsl:when><xsl:otherwise>。</xsl:otherwise></xsl:choose></xsl:for-each></p>
        </xsl:if>
        <p>根据《市、县区党委责任追究制度》有关规定，经<xsl:value-of select="$body-name"/>研究，决定对<xsl:value-of select="$who"/>给予<xsl:for-each select="$c/measure"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each>的责任追究<xsl:if test="$c/@leniency != '' and $c/@leniency != '无'">（<xsl:value-of select="$c/@leniency"/>）</xsl:if>。</p>
        <xsl:if test="$c/@handed-to-judicial = 'true'">
          <p>涉嫌犯罪部分，移送司法机关依法处理。</p>
        </xsl:if>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$c/@date"/>
        <xsl:with-param name="date-cn" select="$c/@date-cn"/>
        <xsl:with-param name="signature" select="$signature"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$c/@date"/>
        <xsl:with-param name="date-cn" select="$c/@date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
