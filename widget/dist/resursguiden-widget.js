/* Resursguiden chat widget. Source: widget/src. Built by widget/build.mjs. */
"use strict";(()=>{var j="https://www.smhi.se/",W="#1f5f52";function L(n){let e=n?n.dataset:{};return{serverUrl:M(e.serverUrl,location.origin).replace(/\/+$/,""),title:(e.title||"").trim().slice(0,60)||"Resursguiden",exitUrl:M(e.exitUrl,j),color:P(e.color,W),startOpen:e.open==="true"}}function M(n,e){if(!n)return e;try{let t=new URL(n,location.href);return t.protocol==="https:"||t.protocol==="http:"?t.href:e}catch{return e}}function P(n,e){return n&&/^#[0-9a-f]{6}$/i.test(n.trim())?n.trim():e}function C(n){let e=o=>{let a=parseInt(n.slice(o,o+2),16)/255;return a<=.03928?a/12.92:Math.pow((a+.055)/1.055,2.4)},t=.2126*e(1)+.7152*e(3)+.0722*e(5),i=1.05/(t+.05),s=(t+.05)/.05;return i>=s?"#ffffff":"#0b0c0c"}var g="resursguiden";function b(){let n=new Uint8Array(16);return crypto.getRandomValues(n),Array.from(n,e=>e.toString(16).padStart(2,"0")).join("")}function A(){try{let n=sessionStorage.getItem(g);if(!n)return null;let e=JSON.parse(n);if(_(e))return e;sessionStorage.removeItem(g)}catch{}return null}function y(n){try{sessionStorage.setItem(g,JSON.stringify(n))}catch{}}function R(){try{sessionStorage.removeItem(g)}catch{}}function _(n){let e=n;return typeof e=="object"&&e!==null&&typeof e.id=="string"&&/^[0-9a-f]{32}$/.test(e.id)&&Array.isArray(e.messages)&&e.messages.every(t=>(t.from==="user"||t.from==="bot")&&typeof t.text=="string")}function H(n,e){document.documentElement.style.setProperty("visibility","hidden","important"),document.title="",e(),location.replace(n)}function B(n,e){let t=null,i=0,s=!1,o,a=()=>{t=null,i=0,clearTimeout(o)};document.addEventListener("keyup",l=>{let d=l.key==="Escape"||l.key==="Shift"&&!s;if(s=l.shiftKey,!d){a();return}t!==l.key&&a(),t=l.key,i+=1;let u=l.key==="Escape"?2:3;if(i>=u){a(),n();return}e(l.key,u-i),clearTimeout(o),o=setTimeout(a,5e3)},!0)}var O=`
:host { all: initial; }
* { box-sizing: border-box; }
.rg {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: max(1rem, 16px);
  line-height: 1.5;
  color: #0b0c0c;
}
[hidden] { display: none !important; }
button, textarea { font: inherit; color: inherit; }
a { color: #0a4a85; text-decoration: underline; text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

.exit {
  position: fixed; top: 0.5rem; right: 0.5rem; z-index: 2147483647;
  min-height: 2.75rem; padding: 0.4rem 0.9rem; border: 2px solid #ffffff; border-radius: 0.4rem;
  background: #b3261e; color: #ffffff; font-weight: 700; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.35);
}
.exit:hover { background: #8c1d17; }

.dock {
  position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483646;
  display: flex; flex-direction: column; align-items: flex-end; gap: 0.5rem;
  max-width: calc(100vw - 2rem);
}
.launcher {
  min-height: 3rem; padding: 0.6rem 1.1rem; border: 0; border-radius: 1.5rem;
  background: var(--rg-color); color: var(--rg-on-color); font-weight: 700; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
}
.safety-mini {
  margin: 0; padding: 0.25rem 0.75rem; border-radius: 1rem;
  background: #ffffff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); font-size: 0.9em;
}
.safety-mini a, .safety a { font-weight: 700; color: #8c1d17; }

.panel {
  display: flex; flex-direction: column;
  width: 24rem; max-width: calc(100vw - 2rem);
  height: 38rem; max-height: calc(100vh - 5.5rem);
  background: #ffffff; border: 1px solid #6f777b; border-radius: 0.75rem; overflow: hidden;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.3);
}
.header {
  display: flex; align-items: center; justify-content: space-between; gap: 0.5rem;
  padding: 0.5rem 0.5rem 0.5rem 1rem; background: var(--rg-color); color: var(--rg-on-color);
}
.header h2 { margin: 0; font-size: 1.1em; }
.close {
  min-width: 2.75rem; min-height: 2.75rem; padding: 0 0.6rem;
  border: 2px solid currentColor; border-radius: 0.4rem; background: transparent; cursor: pointer;
  color: var(--rg-on-color);
}
.safety { margin: 0; padding: 0.4rem 1rem; background: #fdf2f1; border-bottom: 1px solid #e5c4c1; }

.log { flex: 1; overflow-y: auto; padding: 0.75rem; display: flex; flex-direction: column; gap: 0.5rem; }
.msg { max-width: 85%; padding: 0.5rem 0.75rem; border-radius: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.bot { align-self: flex-start; background: #eef1f3; }
.msg.user { align-self: flex-end; background: var(--rg-color); color: var(--rg-on-color); }
.msg.user a { color: inherit; }
.msg .who { display: block; font-size: 0.8em; font-weight: 700; }
.msg .note { display: block; font-size: 0.85em; font-style: italic; }
.choices { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.choices button {
  min-height: 2.75rem; padding: 0.4rem 0.9rem; border: 2px solid var(--rg-color); border-radius: 1.4rem;
  background: #ffffff; color: #0b0c0c; cursor: pointer;
}
.choices button:hover { background: #eef1f3; }

.typing { margin: 0 0.75rem 0.5rem; display: flex; align-items: center; gap: 0.5rem; color: #3d4347; }
.dots span {
  display: inline-block; width: 0.45rem; height: 0.45rem; margin-right: 0.2rem; border-radius: 50%;
  background: #505a5f; animation: rg-blink 1.2s infinite ease-in-out both;
}
.dots span:nth-child(2) { animation-delay: 0.2s; }
.dots span:nth-child(3) { animation-delay: 0.4s; }
@keyframes rg-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }

.problem {
  margin: 0 0.75rem 0.5rem; padding: 0.5rem 0.75rem; border: 2px solid #b3261e; border-radius: 0.5rem;
  background: #fdf2f1;
}
.problem p { margin: 0 0 0.4rem; }
.problem button, .send {
  min-height: 2.75rem; padding: 0.4rem 1rem; border: 0; border-radius: 0.4rem;
  background: var(--rg-color); color: var(--rg-on-color); font-weight: 700; cursor: pointer;
}

.form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem; padding: 0.5rem 0.75rem; border-top: 1px solid #b1b4b6; }
.form label { flex-basis: 100%; font-size: 0.9em; }
.form textarea {
  flex: 1; min-width: 0; min-height: 2.75rem; max-height: 8rem; padding: 0.5rem;
  border: 2px solid #505a5f; border-radius: 0.4rem; resize: none; background: #ffffff;
}
.about { padding: 0 0.75rem 0.5rem; font-size: 0.9em; }
.about summary { cursor: pointer; min-height: 1.75rem; text-decoration: underline; color: #0a4a85; }
.about p { margin: 0.4rem 0; }

/* Phones, and large zoom: the chat takes the whole screen below the exit button. */
@media (max-width: 36rem), (max-height: 32rem) {
  .dock { right: 0.5rem; bottom: 0.5rem; max-width: calc(100vw - 1rem); }
  .dock.open { inset: 0; max-width: none; padding-top: 3.5rem; background: #ffffff; }
  .dock.open .panel { width: 100%; max-width: none; height: 100%; max-height: none; border-radius: 0; border: 0; box-shadow: none; }
}

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
`;var K=new RegExp([/\[([^\]\n]{1,200})\]\(([^()\s]{1,500})\)/.source,/(https?:\/\/[^\s<>()"]+[^\s<>()".,;:!?])/.source,/([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/.source,/((?:\+46|\b0)\d{1,3}(?:[ -]?\d{2,4}){2,4}|\b112\b)(?![\d-])/.source,/\*\*([^*\n]{1,200})\*\*/.source].join("|"),"g");function U(n){return"tel:"+n.replace(/[^\d+]/g,"")}function z(n){if(/^tel:\+?[\d\s-]{2,20}$/i.test(n))return U(n.slice(4));if(/^mailto:[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/i.test(n))return n;if(/^https?:\/\//i.test(n))try{let e=new URL(n);return e.protocol==="https:"||e.protocol==="http:"?e.href:null}catch{return null}return null}function T(n){let e=document.createDocumentFragment(),t=0;for(let i of n.matchAll(K)){let s=i.index??0;s>t&&e.append(n.slice(t,s));let[o,a,l,d,u,f,m]=i;if(a!==void 0){let c=z(l);e.append(c?v(a,c):o)}else if(d!==void 0)e.append(v(d,z(d)??""));else if(u!==void 0)e.append(v(u,"mailto:"+u));else if(f!==void 0){let c=f.replace(/\D/g,""),k=c==="112"||c.length>=(f.startsWith("+")?10:8);e.append(k?v(f,U(f)):f)}else if(m!==void 0){let c=document.createElement("strong");c.append(T(m)),e.append(c)}t=s+o.length}return t<n.length&&e.append(n.slice(t)),e}function v(n,e){if(!e)return document.createTextNode(n);let t=document.createElement("a");return t.textContent=n,t.href=e,/^https?:/.test(e)&&(t.target="_blank",t.rel="noopener noreferrer"),t}var h=class extends Error{},F=3e4;async function D(n,e,t,i,s){let o=new AbortController,a=setTimeout(()=>o.abort(),F),l=()=>o.abort();s.addEventListener("abort",l);try{let d=await fetch(n+"/webhooks/rest/webhook",{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({sender:e,message:t,message_id:i}),credentials:"omit",cache:"no-store",referrerPolicy:"no-referrer",signal:o.signal});if(!d.ok)throw new h(`HTTP ${d.status}`);return Z(await d.json())}catch(d){throw d instanceof h?d:new h(String(d))}finally{clearTimeout(a),s.removeEventListener("abort",l)}}function Z(n){if(!Array.isArray(n))throw new h("not a list of replies");let e=[];for(let t of n){if(typeof t!="object"||t===null)continue;let i=typeof t.text=="string"?t.text:"",s=Array.isArray(t.buttons)?t.buttons.filter(o=>o&&typeof o.title=="string"&&typeof o.payload=="string").map(o=>({title:o.title,payload:o.payload})):[];(i||s.length)&&e.push({text:i,buttons:s})}return e}var I=2e3,J="Hej! Här kan du fråga var du kan få stöd vid hedersrelaterat våld och förtryck. Skriv med egna ord vad det gäller. Du behöver inte säga vem du är.",X=["Knappen Lämna sidan snabbt döljer sidan direkt och öppnar en vädersajt i samma flik. Du kan också trycka Esc två gånger eller Shift tre gånger.","Chatten tas bort från den här fliken, och Tillbaka-knappen leder inte hit.","Det som inte försvinner: sidan kan fortfarande synas i webbläsarens historik. Använd privat läge (inkognito) så sparas ingen historik. På en delad dator eller telefon: stäng fliken när du är klar."];function r(n,e={},t=""){let i=document.createElement(n);for(let[s,o]of Object.entries(e))i.setAttribute(s,o);return t&&(i.textContent=t),i}var x=class{constructor(e,t){this.config=e;this.bubbles=new Map;this.conversation=A();this.busy=!1;this.exited=!1;this.stop=new AbortController;let i=t.attachShadow({mode:"open"});q(i,O),t.style.setProperty("--rg-color",e.color),t.style.setProperty("--rg-on-color",C(e.color));let s=r("div",{class:"rg",lang:"sv"}),o=r("button",{class:"exit",type:"button"},"Lämna sidan snabbt");o.addEventListener("click",()=>this.exit()),this.announcer=r("p",{class:"visually-hidden",role:"status"}),this.dock=r("div",{class:"dock"}),this.panel=r("section",{class:"panel",id:"rg-panel","aria-labelledby":"rg-title"}),this.panel.hidden=!0;let a=r("div",{class:"header"}),l=r("button",{class:"close",type:"button","aria-label":"Stäng chatten"},"Stäng");l.addEventListener("click",()=>this.close()),a.append(r("h2",{id:"rg-title"},e.title),l);let d=r("p",{class:"safety"});d.append("Akut fara? Ring ",E()),this.log=r("div",{class:"log",role:"log","aria-live":"polite","aria-label":"Samtalet",tabindex:"0"}),this.typing=r("div",{class:"typing",role:"status"}),this.typing.hidden=!0;let u=r("span",{class:"dots","aria-hidden":"true"});u.append(r("span"),r("span"),r("span")),this.typing.append(u,`${e.title} skriver …`),this.problem=r("div",{class:"problem",role:"alert"}),this.problem.hidden=!0;let f=r("button",{type:"button"},"Försök igen");f.addEventListener("click",()=>this.pump());let m=r("p");m.append("Är du i fara? Ring ",E(),"."),this.problem.append(r("p",{},"Det gick inte att nå chatten just nu. Ditt meddelande finns kvar och skickas när du trycker på Försök igen."),m,f);let c=r("form",{class:"form"});this.input=r("textarea",{id:"rg-input",rows:"1",autocomplete:"off","aria-describedby":"rg-hint"}),this.hint=r("p",{id:"rg-hint",class:"visually-hidden"},"Enter skickar. Shift och Enter ger ny rad.");let k=r("button",{class:"send",type:"submit"},"Skicka");c.append(r("label",{for:"rg-input"},"Skriv ditt meddelande"),this.input,k,this.hint),c.addEventListener("submit",p=>{p.preventDefault(),this.submitTyped()}),this.input.addEventListener("keydown",p=>{p.key==="Enter"&&!p.shiftKey&&!p.isComposing&&(p.preventDefault(),this.submitTyped())});let w=r("details",{class:"about"});w.append(r("summary",{},"Vad gör Lämna sidan snabbt?"));for(let p of X)w.append(r("p",{},p));this.panel.append(a,d,this.log,this.typing,this.problem,c,w),this.safetyMini=r("p",{class:"safety-mini"}),this.safetyMini.append("Akut fara? Ring ",E()),this.launcher=r("button",{class:"launcher",type:"button","aria-expanded":"false","aria-controls":"rg-panel"},`Chatta med ${e.title}`),this.launcher.addEventListener("click",()=>this.open()),this.dock.append(this.panel,this.safetyMini,this.launcher),s.append(o,this.announcer,this.dock),i.append(s),this.showConversation(),B(()=>this.exit(),(p,S)=>{let N=p==="Escape"?"Esc":"Shift";this.announcer.textContent=`Tryck ${N} ${S===1?"en gång":`${S} gånger`} till för att lämna sidan.`}),(e.startOpen||this.conversation)&&this.open(!1)}open(e=!0){this.panel.hidden=!1,this.dock.classList.add("open"),this.launcher.hidden=!0,this.safetyMini.hidden=!0,this.launcher.setAttribute("aria-expanded","true"),this.scrollToEnd(),e&&this.input.focus()}close(){this.panel.hidden=!0,this.dock.classList.remove("open"),this.launcher.hidden=!1,this.safetyMini.hidden=!1,this.launcher.setAttribute("aria-expanded","false"),this.launcher.focus()}exit(){H(this.config.exitUrl,()=>{this.exited=!0,this.stop.abort(),this.conversation=null,R(),this.log.replaceChildren(),this.input.value=""})}submitTyped(){let e=this.input.value.trim();if(e){if(e.length>I){this.hint.textContent=`Meddelandet är för långt (${e.length} tecken). Skriv högst ${I} tecken åt gången.`,this.hint.className="note";return}this.hint.textContent="Enter skickar. Shift och Enter ger ny rad.",this.hint.className="visually-hidden",this.input.value="",this.submit({from:"user",text:e})}}submit(e){this.conversation||(this.conversation={id:b(),messages:[]});for(let t of this.conversation.messages)t.buttons&&(delete t.buttons,this.bubbles.get(t)?.querySelector(".choices")?.remove());e.id=b(),e.status="sending",this.conversation.messages.push(e),this.addBubble(e),y(this.conversation),this.pump()}async pump(){if(this.busy||!this.conversation)return;this.busy=!0,this.problem.hidden=!0;let e=this.conversation;try{let t;for(;t=e.messages.find(i=>i.from==="user"&&i.status!=="sent");){this.setStatus(t,"sending"),this.typing.hidden=!1,this.scrollToEnd();let i;try{i=await D(this.config.serverUrl,e.id,t.payload??t.text,t.id??b(),this.stop.signal)}catch{if(this.exited)return;this.setStatus(t,"failed"),this.problem.hidden=!1;return}finally{this.typing.hidden=!0}if(this.exited)return;this.setStatus(t,"sent");let s;for(let o of i){let a={from:"bot",text:o.text};o.buttons.length&&(a.buttons=o.buttons),e.messages.push(a);let l=this.addBubble(a);s??(s=l)}s&&this.scrollToShow(s),y(e)}}finally{this.busy=!1}}setStatus(e,t){e.status=t,this.conversation&&y(this.conversation);let i=this.bubbles.get(e)?.querySelector(".note");i&&(i.textContent=t==="failed"?"Inte skickat än":"")}showConversation(){if(this.log.replaceChildren(),this.addBubble({from:"bot",text:J}),!!this.conversation){for(let e of this.conversation.messages)e.status==="sending"&&(e.status="failed"),this.addBubble(e);this.conversation.messages.some(e=>e.status==="failed")&&(this.problem.hidden=!1)}}addBubble(e){let t=r("div",{class:`msg ${e.from}`});if(t.append(r("span",{class:"visually-hidden"},e.from==="user"?"Du: ":`${this.config.title}: `)),t.append(T(e.text)),e.from==="user"&&t.append(r("span",{class:"note"},e.status==="failed"?"Inte skickat än":"")),this.log.append(t),e.buttons){let i=r("div",{class:"choices",role:"group","aria-label":"Svarsalternativ"});for(let s of e.buttons){let o=r("button",{type:"button"},s.title);o.addEventListener("click",()=>{this.submit({from:"user",text:s.title,payload:s.payload}),this.input.focus()}),i.append(o)}t.append(i)}return this.bubbles.set(e,t),this.scrollToEnd(),t}scrollToEnd(){this.log.scrollTop=this.log.scrollHeight}scrollToShow(e){let t=e.getBoundingClientRect().top-this.log.getBoundingClientRect().top;this.log.scrollTop+=t-8}};function E(){return r("a",{href:"tel:112"},"112")}function q(n,e){try{let t=new CSSStyleSheet;t.replaceSync(e),n.adoptedStyleSheets=[t]}catch{n.append(r("style",{},e))}}var V=document.currentScript;function $(){if(window.Resursguiden)return;let n=document.createElement("div");n.id="resursguiden-widget",document.body.append(n);let e=new x(L(V),n);window.Resursguiden={open:()=>e.open(),close:()=>e.close(),exit:()=>e.exit()}}document.body?$():document.addEventListener("DOMContentLoaded",$,{once:!0});})();
