<?xml version="1.0" encoding="UTF-8"?>
<!-- 专题报告 to the superior committee on carrying out its directive (rules.md BG-1). Format:
     通用 with 版头; an upward document, so 签发人 is shown (GB/T 9704-2012 7.2.6). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/topical-report[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'专题报告'"/>
    </xsl:call-template>
    <xsl:variable name="to">
      <xsl:choose>
        <xsl:when test="$r/@directive-from != ''">
          <xsl:call-template name="body-name"><xsl:with-param name="ref" select="$r/@directive-from"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$superior"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="报告" format="通用">
      <xsl:call-template name="header">
        <xsl:with-param name="signer" select="$r/@signed-by-name"/>
      </xsl:call-template>
      <title><xsl:value-of select="$r/title"/></title>
      <main-recipients><xsl:value-of select="$to"/>：</main-recipients>
      <body>
        <xsl:if test="$r/@directive-title != ''">
          <p><xsl:if test="$r/@directive-date-cn != ''"><xsl:value-of select="$r/@directive-date-cn"/>，</xsl:if><xsl:value-of select="$to"/>作出《<xsl:value-of select="$r/@directive-title"/>》。<xsl:value-of select="$org-short"/>认真组织贯彻落实，现将有关情况专题报告如下。</p>
        </xsl:if>
        <!-- The measures are what the records show the committee did from the directive to the
             day before this report (the report itself not counted); problems are the validator's findings on the report and the directive. -->
        <xsl:variable name="dir" select="$in/records/directive[@id = $r/@directive]"/>
        <xsl:variable name="day-from">
          <xsl:call-template name="day-number"><xsl:with-param name="date" select="$r/@directive-date"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="day-to">
          <xsl:call-template name="day-number"><xsl:with-param name="date" select="$r/@date"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="work">
          <xsl:call-template name="period-work">
            <xsl:with-param name="from" select="number(concat('0', $day-from))"/>
            <xsl:with-param name="to" select="number(concat('0', $day-to)) - 1"/>
          </xsl:call-template>
        </xsl:variable>
        <heading level="1" number="一、">贯彻落实情况</heading>
        <xsl:choose>
          <xsl:when test="$r/@directive-date != '' and $r/@date != '' and string($work) != ''">
            <p>文件下发以来，<xsl:value-of select="$org-short"/><xsl:value-of select="$work"/>。</p>
          </xsl:when>
          <xsl:otherwise>
            <p>文件下发以来，<xsl:value-of select="$org-short"/>没有召开会议、研究决定重大事项或立项督办事项。</p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:variable name="decisions" select="$in/records/decision[number(translate(substring(@date, 1, 10), '-', '')) &gt;= number(concat('0', $day-from)) and number(translate(substring(@date, 1, 10), '-', '')) &lt; number(concat('0', $day-to))]"/>
        <xsl:if test="$decisions">
          <p>期间研究决定的事项是：</p>
          <xsl:for-each select="$decisions">
            <item level="2">
              <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
              <xsl:value-of select="title"/><xsl:if test="@date-cn != ''">（<xsl:value-of select="@date-cn"/>）</xsl:if>。</item>
          </xsl:for-each>
        </xsl:if>
        <heading level="1" number="二、">存在的问题和下一步打算</heading>
        <xsl:variable name="ids" select="concat(' ', $r/@id, ' ', $r/@directive, ' ')"/>
        <xsl:choose>
          <xsl:when test="$in/annual/regulation/finding[contains($ids, concat(' ', @record, ' '))]">
            <p>对照定期报告制度检查，存在以下问题：</p>
            <xsl:call-template name="record-findings"><xsl:with-param name="ids" select="$ids"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$dir/@deadline != '' and number(concat('0', $day-to)) &lt;= number(translate($dir/@deadline, '-', ''))">
            <p>本报告按<xsl:value-of select="$to"/>规定的时限（<xsl:value-of select="$dir/@deadline-cn"/>前）报送，对照定期报告制度检查未发现问题。</p>
          </xsl:when>
          <xsl:otherwise>
            <p>对照定期报告制度检查，本报告的报送未发现问题。</p>
          </xsl:otherwise>
        </xsl:choose>
        <p>下一步，<xsl:value-of select="$org-short"/>将继续抓好<xsl:if test="$r/@directive-title != ''">《<xsl:value-of select="$r/@directive-title"/>》</xsl:if>的贯彻落实，重要情况及时向<xsl:value-of select="$to"/>报告。</p>
        <p>特此报告。</p>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$r/@date"/>
        <xsl:with-param name="date-cn" select="$r/@date-cn"/>
      </xsl:call-template>
      <xsl:call-template name="imprint">
        <xsl:with-param name="date" select="$r/@date"/>
        <xsl:with-param name="date-cn" select="$r/@date-cn"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
