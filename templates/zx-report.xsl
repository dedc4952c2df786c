<?xml version="1.0" encoding="UTF-8"?>
<!-- 咨询论证报告 (rules.md ZX-2.2: a clear conclusion 肯定 / 否定 / 修改完善; ZX-3 names the
     participants). Format: 通用 without 版头, signed by the organising leader or department.
     One per consultation that has a report. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/consultation[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'决策咨询'"/>
    </xsl:call-template>
    <xsl:variable name="subject">
      <xsl:choose>
        <xsl:when test="$r/@decision-title != ''"><xsl:value-of select="$r/@decision-title"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$r/subject"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="咨询论证报告" format="通用">
      <title>关于<xsl:choose><xsl:when test="starts-with($subject, '关于')"><xsl:value-of select="substring-after($subject, '关于')"/></xsl:when><xsl:otherwise><xsl:value-of select="$subject"/></xsl:otherwise></xsl:choose>的咨询论证报告</title>
      <main-recipients><xsl:value-of select="$org"/>：</main-recipients>
      <body>
        <p>根据决策咨询制度，<xsl:choose><xsl:when test="$r/@organiser-name != ''"><xsl:value-of select="$r/@organiser-name"/>同志</xsl:when><xsl:otherwise><xsl:value-of select="$r/@organiser-department"/></xsl:otherwise></xsl:choose>组织对“<xsl:value-of select="$r/subject"/>”进行了咨询论证，现将有关情况报告如下。</p>
        <heading level="1" number="一、">咨询论证过程</heading>
        <p>本次咨询论证采取<xsl:for-each select="$r/form"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each>的形式<xsl:if test="$r/@finished-cn != ''">，于<xsl:value-of select="$r/@finished-cn"/>完成</xsl:if>。</p>
        <heading level="1" number="二、">参与论证的领导、部门和人员</heading>
        <xsl:choose>
          <xsl:when test="$r/participant">
            <p><xsl:for-each select="$r/participant"><xsl:value-of select="@name"/>（<xsl:value-of select="@kind"/>）<xsl:if test="position() != last()">、</xsl:if></xsl:for-each>。</p>
          </xsl:when>
          <xsl:otherwise><p>参与论证的领导、部门和人员暂缺，待补充。</p></xsl:otherwise>
        </xsl:choose>
        <heading level="1" number="三、">论证结论</heading>
        <xsl:choose>
          <xsl:when test="$r/@conclusion != ''">
            <p>经咨询论证，对该决策事项提出“<xsl:value-of select="$r/@conclusion"/>”的意见。</p>
          </xsl:when>
          <xsl:otherwise><p>论证未形成明确的肯定、否定或修改完善的结论。</p></xsl:otherwise>
        </xsl:choose>
        <p>本报告与决策事项一并提交<xsl:value-of select="$org-short"/>，作为决策参考的重要依据。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$r/@report-date"/>
        <xsl:with-param name="date-cn" select="$r/@report-date-cn"/>
        <xsl:with-param name="signature">
          <xsl:choose>
            <xsl:when test="$r/@organiser-department != ''"><xsl:value-of select="$r/@organiser-department"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$r/@organiser-name"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="seal" select="'none'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
