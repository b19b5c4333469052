(()=>{window.addEventListener("DOMContentLoaded",()=>{window.SwaggerUIBundle({url:"/openapi.json",dom_id:"#swagger-ui",deepLinking:!0})});})();
