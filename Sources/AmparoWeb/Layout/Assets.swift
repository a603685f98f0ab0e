/// Amparo serves its own assets: no third-party CSS, script or font is ever loaded.
enum Assets {
    static let stylesheet = """
    :root{--ink:#1b1b1b;--muted:#4a4a4a;--paper:#fff;--accent:#0b5e4a;--accent-ink:#fff;--error:#b00020;--line:#c8c8c8;--soft:#f3f6f5}
    *{box-sizing:border-box}
    html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:100%;line-height:1.5;color:var(--ink);background:var(--paper)}
    body{margin:0}
    .skip{position:absolute;left:-999px}
    .skip:focus{left:.5rem;top:.5rem;background:var(--paper);padding:.5rem;z-index:2}
    .top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.5rem 1rem;background:var(--accent);color:var(--accent-ink)}
    .top a,.top .link{color:var(--accent-ink)}
    .brand{font-weight:700;font-size:1.2rem;text-decoration:none;margin-right:auto}
    nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
    nav form{display:inline}
    .menu-phone{display:none;min-width:0}.top .menu-phone>summary{color:var(--accent-ink)}
    .menu-phone nav ul{flex-direction:column;gap:0;padding:0 0 .5rem}.menu-phone nav a,.menu-phone nav .link{display:block;padding:.5rem 0}
    nav a[aria-current=page]{font-weight:700}
    @media (max-width:40rem){.menu-wide{display:none}.menu-phone{display:block;order:3;flex-basis:100%}}
    .lang button,.link{background:none;border:0;padding:.25rem 0;font:inherit;text-decoration:underline;cursor:pointer;color:inherit;min-height:44px}
    .lang button{color:var(--accent-ink)}
    main{max-width:46rem;margin:0 auto;padding:1rem}
    main:has(table){max-width:80rem}main:has(table)>p,main:has(table)>form{max-width:46rem}
    footer{max-width:46rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.9rem}
    h1{font-size:1.6rem;line-height:1.25}
    a{color:var(--accent)}
    .field{margin:0 0 1rem}
    label{display:block;font-weight:600}
    .hint{margin:.1rem 0 .3rem;color:var(--muted);font-size:.95rem}
    .map{width:100%;height:auto}.map path{stroke:#fff;stroke-width:.3}.legend{list-style:none;padding:0}
    .chart{width:100%;height:auto;max-width:40rem}.chart .bar{fill:#0b5e4a}.chart .bar2{fill:#9ecab8}.chart text{font-size:13px;fill:#1a1a1a}
    .figure{font-size:2rem;font-weight:700;margin:.2rem 0}
    @media print{header,nav,footer,.lang,.no-print{display:none}main{max-width:none;padding:0}.factsheet h2{font-size:1.05rem;margin:.6rem 0 .2rem}.factsheet .chart{max-width:30rem}}
    .m0,.n{fill:#e5e5e5}.m1{fill:#fdcc8a}.m2{fill:#fc8d59}.m3{fill:#d7301f}.p0{fill:#1a9850}.p1{fill:#91cf60}.p2{fill:#fee08b}.p3{fill:#d73027}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    input,select,textarea{font:inherit;width:100%;max-width:30rem;padding:.55rem;border:2px solid var(--ink);border-radius:4px;min-height:44px}
    input[type=checkbox]{width:auto;min-height:auto}
    .has-error input{border-color:var(--error)}
    .error{color:var(--error);font-weight:600;margin:.2rem 0}
    .error-summary{border:3px solid var(--error);padding:.5rem 1rem;margin:0 0 1rem}
    .error-summary h2{font-size:1.1rem;margin:.3rem 0}
    button,.button{font:inherit;font-weight:600;background:var(--accent);color:var(--accent-ink);border:0;border-radius:4px;padding:.6rem 1.2rem;min-height:44px;cursor:pointer;text-decoration:none;display:inline-block}
    button.secondary{background:var(--soft);color:var(--ink);border:2px solid var(--ink)}
    .message-preview{border-left:4px solid var(--ink);padding:.25rem .75rem;margin:1rem 0}
    details>summary{cursor:pointer;font-weight:700;color:var(--accent);min-height:44px;padding:.6rem 0}
    summary>h2{display:inline;font-size:1.25rem}
    .alerts-sent,.requests{list-style:none;padding:0}
    .alerts-sent>li,.requests>li{border-top:1px solid var(--line);margin-top:1rem;padding-top:.5rem}
    .alerts-sent h2,.requests h2{font-size:1.2rem}
    .alerts-sent dd{margin:0 0 .25rem 0}
    .organization{color:var(--muted);margin:0}
    .hold-alarm{background:var(--error);color:#fff;padding:.75rem 1rem;border-radius:4px;margin:1rem 0}
    .hold-alarm p{margin:.25rem 0}
    .hold-alarm a{color:#fff}
    tr.hold-row td:first-child{border-left:6px solid var(--error)}
    .hold-chip{color:var(--error)}
    .event-choices{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1rem}
    .event-choices h4{margin:.75rem 0 .25rem}
    ul.choices{margin:0;padding-left:1.25rem}
    ul.choices li{margin:.35rem 0}
    section.phase h3{margin:1rem 0 .25rem;font-size:1rem}
    .message-preview pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:inherit;margin:0}
    button.danger{background:var(--error)}
    .notice{background:var(--soft);border-left:4px solid var(--accent);padding:.5rem 1rem}
    .health{border-left:4px solid var(--line);padding:.25rem 1rem;margin:1rem 0}.health.ok{border-color:var(--accent)}.health.warn,.health.off,.warning{border-color:#b45309}
    .warning{border-left:4px solid #b45309;background:#fff7ed;padding:.5rem 1rem}
    .secret{font-family:ui-monospace,monospace;font-size:1.1rem;word-break:break-all;background:var(--soft);padding:.5rem}
    .secret.key{word-break:normal}.secret.key span{white-space:nowrap}
    .qr{max-width:16rem;height:auto;display:block;margin:1rem 0;background:#fff}
    table{border-collapse:collapse;width:100%;margin:1rem 0}
    th,td{text-align:left;border-bottom:1px solid var(--line);padding:.4rem .3rem;vertical-align:top}
    .codes{columns:2;font-family:ui-monospace,monospace;font-size:1.1rem}
    .inline{display:inline}
    fieldset{border:1px solid var(--line);margin:0 0 1rem;padding:.5rem 1rem}
    .trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
    .reference{font-family:ui-monospace,monospace;font-size:2rem;letter-spacing:.1em}
    .status-new{font-weight:700}
    .photos{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}.photo{max-width:10rem;height:auto;border:1px solid var(--line)}
    .check{display:flex;gap:.6rem;align-items:flex-start}.check input{width:auto;min-height:auto;margin-top:.35rem}
    @media (max-width:40rem){table.cards,table.cards tbody,table.cards tr,table.cards td{display:block}table.cards thead{position:absolute;left:-9999px}table.cards tr{border-bottom:1px solid var(--line);padding:.4rem 0}table.cards td{border:0;padding:.1rem 0}table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:700}}
    @media (max-width:30rem){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-999px}td{border:0;padding:.1rem 0}tr{border-bottom:1px solid var(--line);padding:.4rem 0}}
    """

    static let favicon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5e4a"/><path d="M16 5 6 27h5l2-5h6l2 5h5L16 5zm-1.6 13L16 13l1.6 5h-3.2z" fill="#fff"/></svg>
    """
}
