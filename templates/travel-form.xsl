<?xml version="1.0" encoding="UTF-8"?>
<!-- The unified 外出报告单 / 请假条 form (rules.md JD-4.3: 统一格式, 注明外出理由和时间, 审批者签注
     意见). Included by jd-trip-form.xsl and jd-leave-form.xsl, which set $form-name. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template name="travel-form">
    <xsl:param name="form-name"/>
    <xsl:variable name="t" select="$in/records/travel-leave[@id = $record]"/>
    <xsl:call-template name="require">
      <xsl:with-param name="node" select="$t"/>
      <xsl:with-param name="what" select="$form-name"/>
    </xsl:call-template>
    <document kind="{$form-name}" format="通用">
      <title><xsl:value-of select="$org-short"/>领导班子成员<xsl:value-of select="$form-name"/></title>
      <body>
        <table column-weights="2 3 2 3" header-rows="0">
          <row>
            <cell align="center">姓名</cell>
            <cell><xsl:value-of select="$t/@person-name"/></cell>
            <cell align="center">职务</cell>
            <cell><xsl:value-of select="$t/@person-title"/></cell>
          </row>
          <row>
            <cell align="center">类别</cell>
            <cell><xsl:value-of select="$t/@kind"/></cell>
            <cell align="center">前往地点</cell>
            <cell><xsl:value-of select="$t/@destination"/></cell>
          </row>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'外出（请假）理由'"/>
            <xsl:with-param name="value" select="$t/reason"/>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'起止时间'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="date-range-written">
                <xsl:with-param name="from" select="$t/@start-cn"/>
                <xsl:with-param name="to" select="$t/@end-cn"/>
              </xsl:call-template>，共<xsl:value-of select="$t/@days"/>天</xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'报告日期'"/>
            <xsl:with-param name="value" select="$t/@reported-cn"/>
          </xsl:call-template>
          <xsl:for-each select="$t/approval">
            <xsl:call-template name="form-row">
              <xsl:with-param name="label" select="'审批意见'"/>
              <xsl:with-param name="value" select="concat(comment, '  ', @approver-name, '（', @role, '）  ', @date-cn)"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="not($t/approval)">
            <xsl:call-template name="form-row">
              <xsl:with-param name="label" select="'审批意见'"/>
              <xsl:with-param name="value" select="''"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="form-row">
            <xsl:with-param name="label" select="'报市委组织部备案'"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="$t/@filed-cn != ''"><xsl:value-of select="$t/@filed-cn"/></xsl:when>
                <xsl:otherwise>—</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </table>
      </body>
      <xsl:call-template name="signoff">
        <xsl:with-param name="date" select="$t/@reported"/>
        <xsl:with-param name="date-cn" select="$t/@reported-cn"/>
        <xsl:with-param name="signature" select="''"/>
        <xsl:with-param name="seal" select="'none'"/>
      </xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
