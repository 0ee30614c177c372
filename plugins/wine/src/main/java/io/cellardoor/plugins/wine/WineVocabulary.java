package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.Synonyms;
import java.util.List;
import java.util.Map;

/**
 * Words visitors use for wines, in English shorthand, Spanish and French, mapped to the words the wine pages use.
 *
 * <p>Each line is {@code visitor word=page words}; the host adds the page words to the keyword search and to the
 * extractive answerer's matching whenever the visitor's word appears in a question. Spanish and French words are here
 * because the knowledge is written in English and the chat widget speaks all three.
 */
final class WineVocabulary {

    private static final String LINES = """
            cab,cabs=cabernet
            sauv,savvy=sauvignon
            chard,chards=chardonnay
            bdx=bordeaux blend
            bubbly,fizz,bubbles=sparkling
            vino,vinos,vin,vins=wine
            tinto,tintos,rouge,rouges=red
            blanco,blancos,blanc,blancs=white
            rosado,rosados=rose
            espumoso,espumosos,espumante,mousseux,petillant=sparkling
            uva,uvas,raisin,raisins=grape
            cepa,cepas,cepage,cepages,variedad,variedades=varietal grape
            cosecha,vendimia,vendange,vendanges=harvest vintage
            picked=harvest harvested
            anada,millesime=vintage
            botella,botellas,bouteille,bouteilles=bottle
            caja,cajas,caisse,caisses=case
            precio,precios,prix=price
            barato,barata,baratos,economico=cheapest price
            caro,cara,caros,cher,chere=expensive price
            maridaje,maridar,accord,accords,accompagner=pair pairing
            barrica,barricas,roble,fut,futs,chene=oak barrel
            seco,secos,sec,secs=dry
            dulce,dulces,doux,sucre=sweet
            aroma,aromas,arome,aromes=aroma
            sabor,sabores,gout,gouts,saveur=flavor taste
            recomienda,recomiendan,recomendar,recomendacion,conseillez,conseiller,recommandez=recommend
            vinedo,vinedos,vignoble,vignobles=vineyard
            bodega,bodegas,domaine=winery estate
            enologo,enologa,enologos,vinicultor,vinicultora,oenologue,oenologues,vinificateur,vinificatrice,vigneron,vigneronne,vignerons=winemaker
            carne,viande=meat beef steak
            pescado,poisson=fish seafood
            mariscos,fruits=seafood
            ostras,huitres=oysters
            queso,quesos,fromage,fromages=cheese
            pollo,poulet=chicken
            pastas,pates=pasta
            postre,postres=dessert
            """;

    /** Visitor word -> page words. */
    static final Map<String, List<String>> SYNONYMS = Synonyms.parse(LINES);

    private WineVocabulary() {}
}
