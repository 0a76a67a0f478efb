/**
 * Wraps an article in a realistic news page of 40–80 KB: a head with meta, Open Graph and JSON-LD, menus,
 * breadcrumbs, share bars, related and most-read lists, a footer, styles and scripts. Four layouts after the
 * common kinds of Vietnamese news templates: an <article> with a detail body, a CMS "detail-content" div,
 * a WordPress "entry-content" and an old table layout with <font> tags.
 */
import type { Random } from './prng.js';
import type { ArticleText } from './templates.js';

export interface Site {
  name: string;
  host: string;
  layout: Layout;
}

type Layout = 'article' | 'detail-content' | 'wordpress' | 'table';

export const SITES: readonly Site[] = [
  { name: 'Báo Thi đua Khen thưởng', host: 'baothidua.example', layout: 'article' },
  { name: 'Tin An ninh', host: 'tinanninh.example', layout: 'detail-content' },
  { name: 'Cổng thông tin Cụm Khối', host: 'cumkhoi.example', layout: 'wordpress' },
  { name: 'Thời báo Địa phương', host: 'thoibaodiaphuong.example', layout: 'table' },
];

const SECTIONS = ['Thời sự', 'Chính trị', 'Xã hội', 'Pháp luật', 'Kinh tế', 'Giáo dục', 'Sức khỏe', 'Văn hóa', 'Thể thao', 'Quốc tế', 'Công nghệ', 'Địa phương'];
const TEASERS = [
  'Phát động phong trào thi đua cao điểm', 'Trao tặng danh hiệu cho tập thể xuất sắc', 'Tuyên dương điển hình tiên tiến',
  'Sơ kết công tác 6 tháng đầu năm', 'Đảm bảo an ninh trật tự dịp cuối năm', 'Gặp mặt cán bộ hưu trí tiêu biểu',
  'Triển khai nhiệm vụ công tác năm mới', 'Giao lưu văn nghệ chào mừng ngày truyền thống', 'Hội thao nghiệp vụ toàn lực lượng',
  'Kiểm tra công tác phòng cháy tại khu dân cư', 'Ra mắt mô hình tự quản ở cơ sở', 'Tập huấn chuyên môn cho cán bộ trẻ',
];

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A whole HTML page for the article, padded with page furniture to a size between 40 and 80 KB. */
export function renderPage(random: Random, article: ArticleText, site: Site, slug: string): string {
  const url = `https://${site.host}/thi-dua/${slug}.html`;
  const head = pageHead(article, site, url);
  const body = layoutBody(random, article, site);
  const target = random.int(40_000, 80_000);
  const page = (state: string) => `<!DOCTYPE html>\n<html lang="vi">\n${head}\n<body class="page-detail">\n${body}\n${state}\n</body>\n</html>\n`;
  const withoutState = Buffer.byteLength(page(''));
  return page(appState(random, site, target - withoutState));
}

function pageHead(article: ArticleText, site: Site, url: string): string {
  const title = escape(article.title);
  const description = escape(article.paragraphs[0]!.slice(0, 160));
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: `${article.published}T08:00:00+07:00`,
    author: [{ '@type': 'Person', name: article.byline }],
    publisher: { '@type': 'Organization', name: site.name },
    mainEntityOfPage: url,
  });
  return `<head>
<meta charset="utf-8">
<title>${title} - ${escape(site.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${description}">
<meta name="keywords" content="thi đua, khen thưởng, hội nghị, cụm thi đua, khối thi đua">
<link rel="canonical" href="${url}">
<meta property="og:site_name" content="${escape(site.name)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
<meta property="og:image" content="https://${site.host}/images/og-default.jpg">
<meta property="article:published_time" content="${article.published}T08:00:00+07:00">
<link rel="stylesheet" href="https://${site.host}/static/css/main.min.css">
<style>${STYLE}</style>
<script type="application/ld+json">${jsonLd}</script>
<script>${ANALYTICS}</script>
</head>`;
}

function layoutBody(random: Random, article: ArticleText, site: Site): string {
  const paragraphs = article.paragraphs.slice(1).map((text) => `<p>${escape(text)}</p>`);
  paragraphs.splice(article.caption.after, 0, figure(random, article.caption.text, site));
  const lead = escape(article.paragraphs[0]!);
  const title = escape(article.title);
  const furniture = { menu: menu(random, site), related: related(random, site), footer: footer(site) };
  switch (site.layout) {
    case 'article':
      return `${furniture.menu}
<main class="container"><ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/thi-dua">Thi đua</a></li></ul>
<article class="fck_detail-wrap"><h1 class="title-detail">${title}</h1><span class="date">${article.published}</span>
<p class="description">${lead}</p>
<div class="fck_detail">${paragraphs.join('\n')}<p class="author"><strong>${escape(article.byline)}</strong></p></div>
${shareBar()}</article>
${furniture.related}<aside class="sidebar">${mostRead(random, site)}</aside></main>
${furniture.footer}`;
    case 'detail-content':
      return `${furniture.menu}
<div class="main-wrap"><div class="detail-main"><h1 class="detail-title">${title}</h1>
<div class="detail-time">${article.dateLine ?? article.published}</div>${shareBar()}
<div class="detail-sapo">${lead}</div>
<div class="detail-content">${paragraphs.join('\n')}<p style="text-align:right"><b>${escape(article.byline)}</b></p></div>
<div class="detail-tags"><a href="/tag/thi-dua">thi đua</a><a href="/tag/khen-thuong">khen thưởng</a></div>
${furniture.related}</div><div class="col-right">${mostRead(random, site)}</div></div>
${furniture.footer}`;
    case 'wordpress':
      return `<div id="page" class="site">${furniture.menu}
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-${random.int(1000, 99999)}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">${title}</h1><div class="entry-meta"><time class="entry-date published" datetime="${article.published}T08:00:00+07:00">${article.published}</time></div></header>
<div class="entry-content"><p><strong>${lead}</strong></p>${paragraphs.join('\n')}<p>${escape(article.byline)}</p></div>
${shareBar()}</article>${furniture.related}</main></div>
<div id="secondary" class="widget-area">${mostRead(random, site)}</div></div>${furniture.footer}</div>`;
    case 'table':
      return `<table width="100%" cellpadding="0" cellspacing="0"><tr><td colspan="2">${furniture.menu}</td></tr>
<tr><td width="70%" valign="top"><font class="tieude" size="4"><b>${title}</b></font><br><font color="#888">${article.published}</font>
<div id="noidung"><p><b>${lead}</b></p>${paragraphs.join('\n')}<p align="right"><b>${escape(article.byline)}</b></p></div>
${furniture.related}</td><td width="30%" valign="top">${mostRead(random, site)}</td></tr>
<tr><td colspan="2">${furniture.footer}</td></tr></table>`;
  }
}

function figure(random: Random, text: string, site: Site): string {
  const image = `https://${site.host}/images/${random.int(100000, 999999)}.jpg`;
  return `<figure class="image"><img src="${image}" alt="${escape(text)}" width="680" height="453"><figcaption>${escape(text)}</figcaption></figure>`;
}

function menu(random: Random, site: Site): string {
  const items = SECTIONS.map((section) => {
    const sub = Array.from({ length: random.int(3, 8) }, (_, i) => `<li><a href="/${slugify(section)}/muc-${i + 1}">${section} ${i + 1}</a></li>`);
    return `<li class="menu-item"><a href="/${slugify(section)}">${section}</a><ul class="sub-menu">${sub.join('')}</ul></li>`;
  });
  return `<header class="site-header"><div class="logo"><a href="https://${site.host}/"><img src="/logo.svg" alt="${escape(site.name)}"></a></div>
<nav class="main-menu"><ul>${items.join('\n')}</ul></nav><form class="search" action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></header>`;
}

function headlines(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => `${random.pick(TEASERS)} ${random.pick(['năm', 'dịp', 'giai đoạn'])} ${random.int(2012, 2025)}`);
}

function related(random: Random, site: Site): string {
  const items = headlines(random, random.int(6, 14)).map(
    (title, i) => `<li><a href="https://${site.host}/tin-${i}-${random.int(1e5, 1e6)}.html"><img src="/thumb/${i}.jpg" alt=""><h3>${title}</h3></a></li>`,
  );
  return `<section class="box-related-news"><h2>Tin liên quan</h2><ul>${items.join('\n')}</ul></section>`;
}

function mostRead(random: Random, site: Site): string {
  const items = headlines(random, random.int(5, 10)).map((title, i) => `<li><span>${i + 1}</span><a href="https://${site.host}/doc-nhieu-${i}.html">${title}</a></li>`);
  return `<div class="box-most-read"><h2>Đọc nhiều</h2><ol>${items.join('')}</ol></div><div class="banner-ads"><a href="/qc"><img src="/qc/300x600.jpg" alt="Quảng cáo"></a></div>`;
}

function shareBar(): string {
  return `<div class="social-share"><a class="fb" href="#">Chia sẻ Facebook</a><a class="zalo" href="#">Zalo</a><a class="copy" href="#">Sao chép liên kết</a><a class="print" href="#">In bài</a></div>`;
}

function footer(site: Site): string {
  return `<footer class="site-footer"><div class="footer-menu">${SECTIONS.map((s) => `<a href="/${slugify(s)}">${s}</a>`).join(' | ')}</div>
<p>© ${escape(site.name)}. Giấy phép hoạt động báo điện tử số 123/GP-BTTTT. Tổng biên tập: Nguyễn Văn Mẫu.</p>
<p>Địa chỉ: số 1 phố Mẫu, quận Mẫu, Hà Nội. Điện thoại: 024 0000 0000. Email: toasoan@${site.host}</p>
<p>Không sao chép nội dung khi chưa có sự đồng ý bằng văn bản của ${escape(site.name)}.</p></footer>`;
}

/** A client-side state blob (as server-rendered sites ship) of about `bytes` bytes. */
function appState(random: Random, site: Site, bytes: number): string {
  const items: string[] = [];
  let size = 0;
  while (size < bytes - 200) {
    const item = JSON.stringify({
      id: random.int(1e6, 1e7),
      title: headlines(random, 1)[0],
      url: `https://${site.host}/bai-${random.int(1e5, 1e6)}.html`,
      thumb: `https://${site.host}/thumb/${random.int(1e5, 1e6)}.jpg`,
      views: random.int(10, 90000),
    });
    items.push(item);
    size += Buffer.byteLength(item) + 1;
  }
  return `<script>window.__APP_STATE__={"site":"${site.host}","feed":[${items.join(',')}]};</script>`;
}

function slugify(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

const STYLE = `body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#222}.container{max-width:1130px;margin:0 auto}
.main-menu ul{display:flex;list-style:none;margin:0;padding:0}.main-menu li{position:relative}.sub-menu{display:none;position:absolute}
.menu-item:hover .sub-menu{display:block}.title-detail,.detail-title,.entry-title{font-size:32px;line-height:1.3}
.fck_detail p,.detail-content p,.entry-content p{font-size:18px;line-height:1.6;margin:0 0 1em}.box-related-news li{display:flex;gap:8px}
.social-share a{display:inline-block;padding:4px 8px;border-radius:4px;background:#eee;margin-right:4px}.site-footer{background:#f5f5f5;padding:24px}`;

const ANALYTICS = `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());gtag("config","G-XXXXXXX");
(function(w,d,s){var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src="/static/js/tracking.js";f.parentNode.insertBefore(j,f)})(window,document,"script");`;
