<?xml version="1.0" encoding="UTF-8"?>
<!-- 年中/年末 written report on carrying out the superior committee's annual work points
     (rules.md BG-6). Format: 通用 with 版头, upward (签发人: principal leader). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="$in/records/work-point-report[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$r"/>
      <xsl:with-param name="what" select="'工作要点落实情况报告'"/>
    </xsl:call-template>
    <xsl:variable name="when">
      <xsl:choose>
        <xsl:when test="$r/@kind = '年中'">上半年</xsl:when>
        <xsl:otherwise>全年</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="报告" format="通用">
      <xsl:call-template name="header">
        <xsl:with-param name="signer" select="$in/@principal-name"/>
      </xsl:call-template>
      <title>关于<xsl:value-of select="$r/@year"/>年<xsl:value-of select="$when"/>贯彻落实<xsl:value-of select="$superior"/>年度工作要点情况的报告</title>
      <main-recipients><xsl:value-of select="$superior"/>：</main-recipients>
      <body>
        <p>按照定期报告制度第（六）条的要求，现将<xsl:value-of select="$org-short"/><xsl:value-of select="$r/@year"/>年<xsl:value-of select="$when"/>贯彻落实<xsl:value-of select="$superior"/>年度工作要点的情况报告如下。</p>
        <!-- Everything below is counted from the records of the period (1 January to 30 June for
             the 年中 report, the whole year for the 年末 one) and the validator's findings. -->
        <xsl:variable name="from" select="number(concat($r/@year, '0101'))"/>
        <xsl:variable name="to">
          <xsl:choose>
            <xsl:when test="$r/@kind = '年中'"><xsl:value-of select="number(concat($r/@year, '0630'))"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="number(concat($r/@year, '1231'))"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="work">
          <xsl:call-template name="period-work">
            <xsl:with-param name="from" select="$from"/>
            <xsl:with-param name="to" select="number($to)"/>
          </xsl:call-template>
        </xsl:variable>
        <heading level="1" number="一、">工作要点落实情况</heading>
        <xsl:choose>
          <xsl:when test="string($work) != ''">
            <p><xsl:value-of select="$r/@year"/>年<xsl:value-of select="$when"/>，<xsl:value-of select="$org-short"/><xsl:value-of select="$work"/>。</p>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:value-of select="$r/@year"/>年<xsl:value-of select="$when"/>，<xsl:value-of select="$org-short"/>没有召开会议、研究决定重大事项或立项督办事项。</p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$r/@kind != '年中'">
          <xsl:for-each select="$in/annual/regulation[done != '']">
            <item level="2">
              <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
              <xsl:value-of select="@name"/>：<xsl:value-of select="done"/></item>
          </xsl:for-each>
        </xsl:if>
        <!-- Problems: the findings on records dated in the period (records without a date count
             for the year-end report only). -->
        <xsl:variable name="problems">
          <xsl:for-each select="$in/annual/regulation/finding">
            <xsl:variable name="rec" select="$in/records/*[@id = current()/@record]"/>
            <xsl:variable name="day" select="number(translate(substring(($rec/@date | $rec/@instruction-date | $rec/@report-date)[1], 1, 10), '-', ''))"/>
            <xsl:if test="($day &gt;= $from and $day &lt;= number($to)) or (string($day) = 'NaN' and $r/@kind != '年中')">
              <xsl:value-of select="@record"/><xsl:text> </xsl:text>
            </xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <heading level="1" number="二、">存在的主要问题</heading>
        <xsl:choose>
          <xsl:when test="normalize-space($problems) != ''">
            <p>对照党委工作机制配套制度检查，<xsl:value-of select="$when"/>存在以下问题：</p>
            <xsl:call-template name="record-findings"><xsl:with-param name="ids" select="concat(' ', normalize-space($problems), ' ')"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <p>对照党委工作机制配套制度检查，<xsl:value-of select="$when"/>的工作记录未发现违反规定的问题。</p>
          </xsl:otherwise>
        </xsl:choose>
        <heading level="1" number="三、">下一步工作安排</heading>
        <!-- Open supervision items: matters still to be finished, with their deadlines. -->
        <xsl:variable name="open" select="$in/records/supervision[not(number(translate(substring(concat(@instruction-date, @decision-date), 1, 10), '-', '')) &gt; number($to))][not(@result-date != '' and number(translate(substring(@result-date, 1, 10), '-', '')) &lt;= number($to))]"/>
        <xsl:choose>
          <xsl:when test="$open">
            <p>抓紧办结尚未办结的督办事项：</p>
            <xsl:for-each select="$open">
              <item level="2">
                <xsl:attribute name="number">（<xsl:call-template name="cn-number"><xsl:with-param name="n" select="position()"/></xsl:call-template>）</xsl:attribute>
                <xsl:value-of select="title"/><xsl:if test="@deadline-cn != ''">，<xsl:value-of select="@deadline-cn"/>前办结</xsl:if>。</item>
            </xsl:for-each>
            <p>同时，继续对照<xsl:value-of select="$superior"/>年度工作要点，抓好各项工作的落实。</p>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:choose><xsl:when test="$in/records/supervision">督办事项均已办结。</xsl:when><xsl:otherwise>本年度没有立项督办事项。</xsl:otherwise></xsl:choose><xsl:value-of select="$org-short"/>将继续对照<xsl:value-of select="$superior"/>年度工作要点，抓好各项工作的落实。</p>
          </xsl:otherwise>
        </xsl:choose>
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
