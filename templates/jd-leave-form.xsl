<?xml version="1.0" encoding="UTF-8"?>
<!-- 请假条 (rules.md JD-4.3): the unified form for one 因私请假 record. Format: form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
  <xsl:include href="travel-form.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="travel-form">
      <xsl:with-param name="form-name" select="'请假条'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
