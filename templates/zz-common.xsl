<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by the 责任追究 documents: the eleven circumstances of 责任追究制度 第（二）条. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="common.xsl"/>
  <xsl:template name="circumstance">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 1">不依照规定程序进行科学、民主决策，致使决策失误，造成重大影响和损失</xsl:when>
      <xsl:when test="$code = 2">对市委、市政府的决策及工作安排，不能保质、保量、按时完成</xsl:when>
      <xsl:when test="$code = 3">对市委、市政府督查督办事项和领导批示、交办事项，不能保质、保量、按时完成</xsl:when>
      <xsl:when test="$code = 4">对重大突发事件、灾情险情、安全生产责任事故等重要情况不及时处理和报告</xsl:when>
      <xsl:when test="$code = 5">对上级指示、命令拒不执行或者执行不力，造成不良影响和后果</xsl:when>
      <xsl:when test="$code = 6">对职责范围内的事不作为、作为不力或乱作为</xsl:when>
      <xsl:when test="$code = 7">开展工作、反映情况弄虚作假、虚报浮夸、不实事求是，造成不良影响或损失</xsl:when>
      <xsl:when test="$code = 8">在年度考核中评定为“差”的领导班子或“不称职”的领导干部</xsl:when>
      <xsl:when test="$code = 9">对群众上访、投诉不按规定处理，或对群众反映强烈的问题没有及时解决，造成不良影响或后果</xsl:when>
      <xsl:when test="$code = 10">对岗位目标责任制、党务公开和首问负责制等基本制度应建立而没有建立，或虽建立而不严格执行</xsl:when>
      <xsl:otherwise>其他违反规定，应当追究过错责任的情形</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Who is held to account: the person (name and title) or the team. -->
  <xsl:template name="target-name">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/@target = '领导班子'"><xsl:choose><xsl:when test="$c/@team-name != ''"><xsl:value-of select="$c/@team-name"/></xsl:when><xsl:otherwise><xsl:value-of select="$org"/></xsl:otherwise></xsl:choose>领导班子</xsl:when>
      <xsl:otherwise><xsl:value-of select="$c/@person-title"/><xsl:value-of select="$c/@person-name"/>同志</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
