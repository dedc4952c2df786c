<?xml version="1.0" encoding="UTF-8"?>
<!-- index.html of a dossier (archive.md §12.2), made from the 归档文件目录 (the input: volumes
     with their cover and entries, DA/T 22-2015 §5.5) with the 分类方案 (class names,
     input:scheme) and a listing of the sections of the page — runs of one 保管期限 and class, in
     catalogue order — and of where each 件 lies and which files it holds (input:files, handed in
     by the pack stage:
       <files><section retention="Y" class="JCZ">
                <item code="档号" folder="电子档案/…"><file name="…" role="正本"/></item>…).
     Each row's columns come from the catalogue entry of its 档号.

     The page is opened from the unpacked folder in a browser with no network: the table is
     static HTML (readable with scripts off), a small inline script filters rows by text, and a
     Content-Security-Policy forbids every fetch. Links are relative to data/, where the page
     lives; libxml2's HTML output percent-encodes them (archive.md §9). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:wenshu:dossier:1" exclude-result-prefixes="d">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:param name="package-id"/>
  <xsl:param name="filing-date"/>

  <xsl:variable name="catalogue" select="/"/>
  <xsl:variable name="files" select="document('input:files')"/>
  <xsl:variable name="scheme" select="document('input:scheme')"/>
  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:key name="entry" match="d:条目" use="d:档号"/>

  <xsl:template match="/d:归档文件目录">
    <xsl:variable name="cover" select="d:卷[1]/d:封面"/>
    <xsl:variable name="name" select="concat($cover/d:全宗名称, ' ', $cover/d:年度, '年度文书档案')"/>
    <html lang="zh-CN"><xsl:value-of select="$nl"/>
      <head><xsl:value-of select="$nl"/>
        <!-- libxml2's HTML output declares the encoding this way (it would add it otherwise) -->
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/><xsl:value-of select="$nl"/>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"/>
        <xsl:value-of select="$nl"/>
        <title><xsl:value-of select="concat($name, ' ', $package-id)"/></title><xsl:value-of select="$nl"/>
        <style><xsl:call-template name="style"/></style><xsl:value-of select="$nl"/>
      </head><xsl:value-of select="$nl"/>
      <body><xsl:value-of select="$nl"/>
        <h1><xsl:value-of select="$name"/></h1><xsl:value-of select="$nl"/>
        <p>
          <xsl:value-of select="concat('全宗号 ', $cover/d:全宗号, '　包标识 ', $package-id, '　归档日期 ', $filing-date,
                                       '　共 ', count(d:卷/d:条目), ' 件')"/>
        </p><xsl:value-of select="$nl"/>
        <p><label>筛选：<input id="q" type="search" placeholder="档号、题名、文号、日期…" autocomplete="off"/></label>
          <span id="count"/></p><xsl:value-of select="$nl"/>
        <xsl:apply-templates select="$files/files/section"/>
        <script><xsl:call-template name="script"/></script><xsl:value-of select="$nl"/>
      </body><xsl:value-of select="$nl"/>
    </html>
  </xsl:template>

  <xsl:template match="section">
    <xsl:variable name="first" select="string(item[1]/@code)"/>
    <xsl:variable name="period">
      <xsl:for-each select="$catalogue"><xsl:value-of select="key('entry', $first)/../d:封面/d:保管期限"/></xsl:for-each>
    </xsl:variable>
    <section class="class" data-class="{concat(@retention, '-', @class)}"><xsl:value-of select="$nl"/>
      <h2>
        <xsl:value-of select="concat($period, '（', @retention, '）')"/>
        <xsl:if test="@class != ''">
          <xsl:value-of select="concat(' · ', $scheme/d:分类方案/d:问题类别/d:类别[@代码 = current()/@class], '（', @class, '）')"/>
        </xsl:if>
      </h2><xsl:value-of select="$nl"/>
      <table><xsl:value-of select="$nl"/>
        <thead><tr><th>档号</th><th>题名</th><th>文号</th><th>日期</th><th>页数</th><th>文件</th></tr></thead>
        <xsl:value-of select="$nl"/>
        <tbody><xsl:value-of select="$nl"/><xsl:apply-templates select="item"/></tbody><xsl:value-of select="$nl"/>
      </table><xsl:value-of select="$nl"/>
    </section><xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="item">
    <xsl:variable name="item" select="."/>
    <xsl:variable name="key" select="translate(@code, '·', '.')"/>
    <xsl:for-each select="$catalogue">
      <xsl:for-each select="key('entry', $item/@code)">
        <tr class="item" id="{$key}">
          <td class="code"><xsl:value-of select="d:档号"/></td>
          <td><xsl:value-of select="d:题名"/></td>
          <td><xsl:value-of select="d:文号"/></td>
          <td class="n"><xsl:value-of select="d:日期"/></td>
          <td class="n"><xsl:value-of select="d:页数"/></td>
          <td>
            <xsl:for-each select="$item/file">
              <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
              <a href="{concat($item/@folder, '/', @name)}"><xsl:value-of select="@role"/></a>
            </xsl:for-each>
            <xsl:text> </xsl:text>
            <a href="{concat($item/@folder, '/', $key, '.xml')}">元数据</a>
          </td>
        </tr><xsl:value-of select="$nl"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="style">body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;margin:1.5em;color:#111}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.2em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right;white-space:nowrap}td.code{white-space:nowrap;font-family:monospace}
#q{font-size:1em;padding:.3em;width:24em}#count{margin-left:1em;color:#555}.hidden{display:none}</xsl:template>

  <xsl:template name="script">
(function(){
  var q=document.getElementById('q'),count=document.getElementById('count');
  var rows=Array.prototype.slice.call(document.querySelectorAll('tr.item'));
  var sections=Array.prototype.slice.call(document.querySelectorAll('section.class'));
  function norm(s){return (s||'').toLowerCase().replace(/\s+/g,'');}
  function apply(){
    var t=norm(q.value),shown=0;
    rows.forEach(function(r){var hit=!t||norm(r.textContent).indexOf(t)&gt;=0;r.classList.toggle('hidden',!hit);if(hit)shown++;});
    sections.forEach(function(s){s.classList.toggle('hidden',!s.querySelector('tr.item:not(.hidden)'));});
    count.textContent='显示 '+shown+' / '+rows.length+' 件';
  }
  q.addEventListener('input',apply);
  var m=/[?&amp;]q=([^&amp;]*)/.exec(location.search);if(m){q.value=decodeURIComponent(m[1].replace(/\+/g,' '));}
  apply();
})();
</xsl:template>
</xsl:stylesheet>
